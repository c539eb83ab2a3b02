package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Locale;

/** How an attempt ended, as reported by {@code POST …/attempts/{id}/complete}. */
public record Completion(Outcome outcome, Integer exitCode, Duration duration, String detail) {

    /** The server stores at most this much detail. */
    static final int MAX_DETAIL = 4096;

    public Completion {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }

    /** The ways an attempt can end. */
    public enum Outcome {
        EXITED, TIMED_OUT, CANCELLED, ERROR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Completion exited(int exitCode, Duration duration) {
        return new Completion(Outcome.EXITED, exitCode, duration, null);
    }

    public static Completion of(Outcome outcome, Duration duration, String detail) {
        return new Completion(outcome, null, duration, detail);
    }

    public JsonObject toJson(String leaseToken) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("leaseToken", leaseToken)
                .add("outcome", outcome.wireName())
                .add("durationMs", duration.toMillis());
        if (exitCode != null) {
            json.add("exitCode", exitCode);
        }
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build();
    }
}
