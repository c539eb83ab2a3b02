package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/jobs}. Everything but {@code command} may be null (or empty): the server then
 * applies its defaults, so the client does not have to know them.
 */
public record JobSubmission(String command, String pool, List<String> labels, Integer priority,
        Integer timeoutSeconds, Map<String, String> env) {

    public JobSubmission {
        labels = labels == null ? List.of() : List.copyOf(labels);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

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
            json.add("env", JsonFields.object(new java.util.TreeMap<>(env)));
        }
        return json.build();
    }
}
