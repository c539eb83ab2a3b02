package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A job the server handed to this worker to run, with the lease that lets the worker report on it. */
public record LeasedJob(String jobId, String attemptId, String leaseToken, Instant leaseExpiresAt, String command,
        Map<String, String> env, Integer timeoutSeconds) {

    public LeasedJob {
        env = Map.copyOf(env);
    }

    public static LeasedJob fromJson(JsonObject json) {
        return new LeasedJob(
                JsonFields.string(json, "jobId"),
                JsonFields.string(json, "attemptId"),
                JsonFields.string(json, "leaseToken"),
                JsonFields.instant(json, "leaseExpiresAt"),
                JsonFields.string(json, "command"),
                JsonFields.stringMap(json, "env"),
                JsonFields.integer(json, "timeoutSeconds"));
    }

    public AttemptLease lease() {
        return new AttemptLease(attemptId, leaseToken);
    }

    /** The job's time limit, or null when it may run for ever. */
    public Duration timeout() {
        return timeoutSeconds == null || timeoutSeconds <= 0 ? null : Duration.ofSeconds(timeoutSeconds);
    }
}
