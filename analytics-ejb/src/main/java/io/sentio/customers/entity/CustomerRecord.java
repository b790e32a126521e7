package io.sentio.customers.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated record of a kind: its id and its fields (values are {@link String}, {@link Double},
 * {@link Long}, {@link Instant} or, for attributes, an unmodifiable map of String/Double/Boolean). Only fields
 * of the kind appear; every required one is present. Immutable.
 */
public record CustomerRecord(RecordKind kind, String id, Map<String, Object> fields) {

    public CustomerRecord {
        if (kind == null || fields == null) {
            throw new IllegalArgumentException("record kind and fields are required");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("record id must not be blank");
        }
        for (String name : fields.keySet()) {
            if (kind.field(name).isEmpty()) {
                throw new IllegalArgumentException(kind.wire() + " have no field " + name);
            }
        }
        for (RecordKind.Field field : kind.fields()) {
            if (field.required() && fields.get(field.name()) == null) {
                throw new IllegalArgumentException(kind.wire() + " need field " + field.name());
            }
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
