package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/** How an attempt ended, as reported by {@code POST …/attempts/{id}/complete}. */
public record Completion(Outcome outcome, Integer exitCode, Duration duration, String detail) {

    /** The server stores at most this much detail. */
    static final int MAX_DETAIL = 4096;

    public Completion {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }

    /** The ways an attempt can end, by their names on the wire. */
    public enum Outcome {
        EXITED("exited"),
        TIMED_OUT("timed_out"),
        CANCELLED("cancelled"),
        /** The worker could not start the process. */
        ERROR("error"),
        /** The worker was shut down and killed the job first: the server retries it like a lost one. */
        ABANDONED("abandoned");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
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
