package dev.muster.chaos;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * A job the harness means to submit. {@code token} names it in the executions file and in its processes'
 * environment; {@code expectedLog} is its exact log when it succeeds or fails normally, null when not known.
 */
record PlannedJob(String token, JobKind kind, Scenario scenario, String idempotencyKey, String pool, String command,
                  Integer timeoutSeconds, List<Integer> retryOnExitCodes, String expectedLog) {

    static final int MAX_ATTEMPTS = 5;
    static final int RETRY_BACKOFF_SECONDS = 1;

    PlannedJob {
        retryOnExitCodes = List.copyOf(retryOnExitCodes);
    }

    /** The body of {@code POST /api/v1/jobs}. */
    String json() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("command", command)
                .add("pool", pool)
                .add("maxAttempts", MAX_ATTEMPTS)
                .add("retryBackoffSeconds", RETRY_BACKOFF_SECONDS);
        if (timeoutSeconds != null) {
            body.add("timeoutSeconds", timeoutSeconds);
        }
        if (!retryOnExitCodes.isEmpty()) {
            JsonArrayBuilder codes = Json.createArrayBuilder();
            retryOnExitCodes.forEach(codes::add);
            body.add("retryOnExitCodes", codes);
        }
        return body.build().toString();
    }
}
