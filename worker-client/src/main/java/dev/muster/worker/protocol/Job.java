package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job as the server describes it. {@code reason} says why a job that did not succeed ended ("worker-lost",
 * "exit-code", …); {@code maxAttempts} is null from servers older than retries. A js job has a {@code result} (any
 * JSON) once it succeeded, or the {@code errorMessage} of what it threw.
 */
public record Job(String id, String kind, String command, String pool, List<String> labels, Integer priority,
        JobState state, String reason, Integer exitCode, Integer attempts, Integer maxAttempts,
        Integer timeoutSeconds, boolean cancelRequested, Instant submittedAt, Instant startedAt, Instant finishedAt,
        String workerId, JsonValue result, String errorMessage) {

    public static Job fromJson(JsonObject json) {
        return new Job(
                JsonFields.string(json, "id"),
                JsonFields.string(json, "kind"),
                JsonFields.string(json, "command"),
                JsonFields.string(json, "pool"),
                JsonFields.strings(json, "labels"),
                JsonFields.integer(json, "priority"),
                JobState.fromWire(JsonFields.string(json, "state")),
                JsonFields.string(json, "reason"),
                JsonFields.integer(json, "exitCode"),
                JsonFields.integer(json, "attempts"),
                JsonFields.integer(json, "maxAttempts"),
                JsonFields.integer(json, "timeoutSeconds"),
                json.getBoolean("cancelRequested", false),
                JsonFields.instant(json, "submittedAt"),
                JsonFields.instant(json, "startedAt"),
                JsonFields.instant(json, "finishedAt"),
                JsonFields.string(json, "workerId"),
                json.get("result") == JsonValue.NULL ? null : json.get("result"),
                json.get("error") instanceof JsonObject error ? JsonFields.string(error, "message") : null);
    }

    /** How long the job ran, or null when it has not both started and finished. */
    public Duration runTime() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
