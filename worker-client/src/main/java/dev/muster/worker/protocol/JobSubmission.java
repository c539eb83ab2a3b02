package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code POST /api/v1/jobs}. Everything but {@code command} may be null (or empty): the server then
 * applies its defaults, so the client does not have to know them. An idempotency key is not part of it: the
 * client sends it as the {@code Idempotency-Key} header.
 */
public record JobSubmission(String command, String pool, List<String> labels, Integer priority,
        Integer timeoutSeconds, Map<String, String> env, Retry retry) implements Submission {

    /** When the server runs the job again; null fields are left to the server (see docs/reliability.md). */
    public record Retry(Integer maxAttempts, List<Integer> onExitCodes, Integer backoffSeconds) {

        public static final Retry SERVER_DEFAULTS = new Retry(null, null, null);

        public Retry {
            onExitCodes = onExitCodes == null ? List.of() : List.copyOf(onExitCodes);
        }

        void addTo(JsonObjectBuilder json) {
            if (maxAttempts != null) {
                json.add("maxAttempts", maxAttempts);
            }
            if (!onExitCodes.isEmpty()) {
                JsonArrayBuilder codes = Json.createArrayBuilder();
                onExitCodes.forEach(codes::add);
                json.add("retryOnExitCodes", codes);
            }
            if (backoffSeconds != null) {
                json.add("retryBackoffSeconds", backoffSeconds);
            }
        }
    }

    public JobSubmission {
        labels = labels == null ? List.of() : List.copyOf(labels);
        env = env == null ? Map.of() : Map.copyOf(env);
        retry = retry == null ? Retry.SERVER_DEFAULTS : retry;
    }

    /** A submission that leaves retries to the server's defaults. */
    public JobSubmission(String command, String pool, List<String> labels, Integer priority, Integer timeoutSeconds,
            Map<String, String> env) {
        this(command, pool, labels, priority, timeoutSeconds, env, null);
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("command", command).add("kind", "shell");
        if (pool != null) {
            json.add("pool", pool);
        }
        if (!labels.isEmpty()) {
            json.add("labels", JsonFields.array(labels));
        }
        if (priority != null) {
            json.add("priority", priority);
        }
        if (timeoutSeconds != null) {
            json.add("timeoutSeconds", timeoutSeconds);
        }
        if (!env.isEmpty()) {
            json.add("env", JsonFields.object(new TreeMap<>(env)));
        }
        retry.addTo(json);
        return json.build();
    }
}
