package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A job as the server describes it. */
public record Job(String id, String kind, String command, String pool, List<String> labels, Integer priority,
        JobState state, Integer exitCode, Integer attempts, Integer timeoutSeconds,
        Instant submittedAt, Instant startedAt, Instant finishedAt, String workerId) {

    public static Job fromJson(JsonObject json) {
        return new Job(
                JsonFields.string(json, "id"),
                JsonFields.string(json, "kind"),
                JsonFields.string(json, "command"),
                JsonFields.string(json, "pool"),
                JsonFields.strings(json, "labels"),
                JsonFields.integer(json, "priority"),
                JobState.fromWire(JsonFields.string(json, "state")),
                JsonFields.integer(json, "exitCode"),
                JsonFields.integer(json, "attempts"),
                JsonFields.integer(json, "timeoutSeconds"),
                JsonFields.instant(json, "submittedAt"),
                JsonFields.instant(json, "startedAt"),
                JsonFields.instant(json, "finishedAt"),
                JsonFields.string(json, "workerId"));
    }

    /** How long the job ran, or null when it has not both started and finished. */
    public Duration runTime() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
