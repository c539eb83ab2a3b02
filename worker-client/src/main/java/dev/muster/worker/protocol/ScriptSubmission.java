package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A js job: the source of a JavaScript module whose default export browser workers call with {@code input}. A null
 * pool leaves it to the server (js jobs go to pool {@code browser}); null input sends none.
 */
public record ScriptSubmission(String script, JsonValue input, String pool, Integer priority, Integer timeoutSeconds,
        JobSubmission.Retry retry) implements Submission {

    public ScriptSubmission {
        retry = retry == null ? JobSubmission.Retry.SERVER_DEFAULTS : retry;
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("kind", "js").add("script", script);
        if (input != null) {
            json.add("input", input);
        }
        if (pool != null) {
            json.add("pool", pool);
        }
        if (priority != null) {
            json.add("priority", priority);
        }
        if (timeoutSeconds != null) {
            json.add("timeoutSeconds", timeoutSeconds);
        }
        retry.addTo(json);
        return json.build();
    }
}
