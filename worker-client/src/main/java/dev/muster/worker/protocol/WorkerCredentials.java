package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;

/** The server's answer to a registration: who the worker is now, its secret, and how often to check in. */
public record WorkerCredentials(String workerId, String secret, Duration lease, Duration heartbeat) {

    public static WorkerCredentials fromJson(JsonObject json) {
        String workerId = JsonFields.string(json, "workerId");
        String secret = JsonFields.string(json, "secret");
        if (workerId == null || secret == null) {
            // Not the JSON itself: it may hold the secret, and this message is logged.
            throw new IllegalArgumentException("registration answer lacks workerId or secret");
        }
        return new WorkerCredentials(workerId, secret,
                Duration.ofSeconds(JsonFields.integer(json, "leaseSeconds", 60)),
                Duration.ofSeconds(Math.max(1, JsonFields.integer(json, "heartbeatSeconds", 10))));
    }

    /** Keeps the secret out of logs and debugger views. */
    @Override
    public String toString() {
        return "WorkerCredentials[" + workerId + "]";
    }
}
