package io.sentio.web.responses;

import io.sentio.problems.entity.DomainException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body with JSON-P rather than binding it, so that the exact JSON types survive: a rating
 * sent as {@code 8}, {@code 8.5} or {@code "8"} must be told apart to be accepted or refused.
 */
final class JsonAnswers {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonAnswers() {
    }

    /** Parses a body that must be one JSON object. */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("body", "is required");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw DomainException.invalid("body", "must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw DomainException.invalid("body", "is not valid JSON: " + e.getMessage());
        }
    }

    /** An optional string member; present with another type is an error naming the field. */
    static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw DomainException.invalid(field, "must be a string");
    }

    /** The {@code answers} member as Java values (Long or Double, String, Boolean, List, Map). */
    static Map<String, Object> answers(JsonObject object) {
        JsonValue value = object.get("answers");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DomainException.invalid("answers", "must be an object of item name to answer");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> result.put(k, java(v)));
        return result;
    }

    private static Object java(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(java(v)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, java(v)));
                yield map;
            }
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number.doubleValue();
            }
        }
        return number.doubleValue();
    }
}
