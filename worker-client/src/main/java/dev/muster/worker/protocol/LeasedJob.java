package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A job the server handed to this worker to run, with the lease that lets the worker report on it.
 *
 * @param workspace the archive to unpack into the attempt's workspace before the command runs; null for none
 */
public record LeasedJob(String jobId, String attemptId, String leaseToken, Instant leaseExpiresAt, String command,
        Map<String, String> env, Integer timeoutSeconds, WorkspaceRef workspace) {

    public LeasedJob {
        env = Map.copyOf(env);
    }

    /** A job without a workspace archive. */
    public LeasedJob(String jobId, String attemptId, String leaseToken, Instant leaseExpiresAt, String command,
            Map<String, String> env, Integer timeoutSeconds) {
        this(jobId, attemptId, leaseToken, leaseExpiresAt, command, env, timeoutSeconds, null);
    }

    public static LeasedJob fromJson(JsonObject json) {
        return new LeasedJob(
                JsonFields.string(json, "jobId"),
                JsonFields.string(json, "attemptId"),
                JsonFields.string(json, "leaseToken"),
                JsonFields.instant(json, "leaseExpiresAt"),
                JsonFields.string(json, "command"),
                JsonFields.stringMap(json, "env"),
                JsonFields.integer(json, "timeoutSeconds"),
                WorkspaceRef.fromJson(json.get("workspace")));
    }

    public AttemptLease lease() {
        return new AttemptLease(attemptId, leaseToken);
    }

    /** The job's time limit, or null when it may run for ever. */
    public Duration timeout() {
        return timeoutSeconds == null || timeoutSeconds <= 0 ? null : Duration.ofSeconds(timeoutSeconds);
    }
}
