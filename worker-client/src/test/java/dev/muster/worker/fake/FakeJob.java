package dev.muster.worker.fake;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;

/** A job inside {@link FakeMusterServer}; mutated only under the server's lock. */
final class FakeJob {

    final String id;
    final String command;
    final String pool;
    final Map<String, String> env;
    final Integer timeoutSeconds;
    final Instant submittedAt = Instant.now();
    String state = "QUEUED";
    String reason;
    Integer exitCode;
    int attempts;
    Integer maxAttempts = 3;
    boolean cancelRequested;
    String attemptId;
    Instant startedAt;
    Instant finishedAt;
    /** The workspace archive the worker downloads, or null. */
    byte[] workspace;
    /** What the lease says the archive's SHA-256 is; a test may make it lie. */
    String workspaceSha256;

    FakeJob(String id, String command, String pool, Map<String, String> env, Integer timeoutSeconds) {
        this.id = id;
        this.command = command;
        this.pool = pool;
        this.env = env;
        this.timeoutSeconds = timeoutSeconds;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id).add("kind", "shell").add("command", command).add("pool", pool)
                .add("labels", Json.createArrayBuilder()).add("priority", 4).add("state", state)
                .add("attempts", attempts)
                .add("maxAttempts", maxAttempts == null ? JsonValue.NULL : Json.createValue(maxAttempts))
                .add("cancelRequested", cancelRequested)
                .add("submittedAt", submittedAt.toString())
                .add("links", Json.createObjectBuilder().add("self", "/api/v1/jobs/" + id));
        json.add("exitCode", exitCode == null ? JsonValue.NULL : Json.createValue(exitCode));
        json.add("reason", reason == null ? JsonValue.NULL : Json.createValue(reason));
        json.add("timeoutSeconds", timeoutSeconds == null ? JsonValue.NULL : Json.createValue(timeoutSeconds));
        if (startedAt != null) {
            json.add("startedAt", startedAt.toString());
        }
        if (finishedAt != null) {
            json.add("finishedAt", finishedAt.toString());
        }
        return json.build();
    }
}
