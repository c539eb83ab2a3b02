package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Null-tolerant reading and writing of the JSON the protocol uses. The server leaves out or nulls optional
 * properties, and a client must not break on properties it does not know, so every reader here treats a
 * missing property, a JSON null and a wrong type the same way: as absent.
 */
final class JsonFields {

    private JsonFields() {
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text), e);
        }
    }

    static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonString s ? s.getString() : null;
    }

    static Integer integer(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonNumber n ? n.intValue() : null;
    }

    static Long longValue(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonNumber n ? n.longValue() : null;
    }

    static int integer(JsonObject json, String key, int fallback) {
        Integer value = integer(json, key);
        return value == null ? fallback : value;
    }

    static Instant instant(JsonObject json, String key) {
        String text = string(json, key);
        return text == null ? null : Instant.parse(text);
    }

    static List<String> strings(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }

    static List<JsonObject> objects(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    static Map<String, String> stringMap(JsonObject json, String key) {
        JsonValue value = json.get(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (value instanceof JsonObject object) {
            object.forEach((k, v) -> {
                if (v instanceof JsonString s) {
                    map.put(k, s.getString());
                }
            });
        }
        return map;
    }

    static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        values.forEach(builder::add);
        return builder;
    }

    static JsonObjectBuilder object(Map<String, String> values) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        values.forEach(builder::add);
        return builder;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
