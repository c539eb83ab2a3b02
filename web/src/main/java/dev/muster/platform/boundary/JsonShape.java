package dev.muster.platform.boundary;

import dev.muster.platform.Refused;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains why a body did not bind to a request record, by field: JSON binders report "For input string: high"
 * without saying where. Consulted only after binding failed, so valid requests are parsed once.
 */
final class JsonShape {

    private JsonShape() {
    }

    static Optional<Refused> mismatch(Type type, byte[] body) {
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return Optional.empty();
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            return Optional.of(Refused.invalid("body", "is not valid JSON: " + e.getMessage()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return check("", record, value);
    }

    private static Optional<Refused> check(String field, Type type, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            return checkRecord(field, raw, value);
        }
        if (List.class.isAssignableFrom(raw)) {
            return checkList(field, type, value);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return checkMap(field, type, value);
        }
        boolean fits = switch (raw.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> value instanceof JsonNumber number && number.isIntegral();
            case "Boolean", "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "String" -> value.getValueType() == JsonValue.ValueType.STRING;
            default -> true;
        };
        String expected = switch (raw.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a string";
        };
        return fits ? Optional.empty() : Optional.of(Refused.invalid(name(field), "must be " + expected));
    }

    private static Optional<Refused> checkRecord(String field, Class<?> record, JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return Optional.of(Refused.invalid(name(field), "must be a JSON object"));
        }
        List<String> known = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                return Optional.of(Refused.invalid(prefixed(field, key), "is not a known field (known: " + String.join(", ", known) + ")"));
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonValue member = object.get(component.getName());
            if (member != null) {
                Optional<Refused> problem = check(prefixed(field, component.getName()), component.getGenericType(), member);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Refused> checkList(String field, Type type, JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return Optional.of(Refused.invalid(name(field), "must be a JSON array"));
        }
        Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        for (int i = 0; i < array.size(); i++) {
            Optional<Refused> problem = check(field + "[" + i + "]", element, array.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refused> checkMap(String field, Type type, JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return Optional.of(Refused.invalid(name(field), "must be a JSON object"));
        }
        Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            Optional<Refused> problem = check(field + "[" + entry.getKey() + "]", element, entry.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static String prefixed(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    private static String name(String field) {
        return field.isEmpty() ? "body" : field;
    }
}
