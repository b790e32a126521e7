package io.sentio.customers.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of customer record, each stored in the MongoDB collection of the same name, with the fields a record
 * of that kind may carry (besides {@code id}).
 */
public enum RecordKind {
    CUSTOMERS("customers", List.of(
            Field.optional("name", FieldType.TEXT),
            Field.optional("segment", FieldType.TEXT),
            Field.optional("attributes", FieldType.ATTRIBUTES),
            Field.optional("createdAt", FieldType.DATE))),
    TRANSACTIONS("transactions", List.of(
            Field.required("customer", FieldType.ID),
            Field.required("date", FieldType.DATE),
            Field.required("amount", FieldType.AMOUNT),
            Field.optional("touchpoint", FieldType.TEXT))),
    INTERACTIONS("interactions", List.of(
            Field.required("customer", FieldType.ID),
            Field.required("touchpoint", FieldType.TEXT),
            Field.required("channel", FieldType.TEXT),
            Field.required("type", FieldType.TEXT),
            Field.optional("outcome", FieldType.TEXT),
            Field.optional("durationSeconds", FieldType.SECONDS),
            Field.optional("note", FieldType.LONG_TEXT),
            Field.required("date", FieldType.DATE))),
    COMMUNITY("community", List.of(
            Field.required("customer", FieldType.ID),
            Field.required("kind", FieldType.COMMUNITY_KIND),
            Field.required("date", FieldType.DATE),
            Field.optional("text", FieldType.LONG_TEXT)));

    /** How a field's value is checked and stored. */
    public enum FieldType {
        /** A reference to another record: 1..200 characters, no control characters. */
        ID,
        /** Up to 1,000 characters. */
        TEXT,
        /** Up to 100,000 characters (notes, posts). */
        LONG_TEXT,
        /** {@code YYYY-MM-DD} (midnight UTC) or an ISO-8601 instant with offset; stored as a BSON date. */
        DATE,
        /** A finite decimal &ge; 0 (refunds are not modelled: CLV models need non-negative spend). */
        AMOUNT,
        /** A whole number of seconds, 0..10,000,000. */
        SECONDS,
        /** One of post, reply, answer, praise, referral, read. */
        COMMUNITY_KIND,
        /** An object of at most 100 keys with string, number or boolean values. */
        ATTRIBUTES
    }

    /** A field of a record kind. */
    public record Field(String name, FieldType type, boolean required) {
        static Field required(String name, FieldType type) {
            return new Field(name, type, true);
        }

        static Field optional(String name, FieldType type) {
            return new Field(name, type, false);
        }
    }

    /** Kinds of community activity, as in issue 6. */
    public static final List<String> COMMUNITY_KINDS = List.of("post", "reply", "answer", "praise", "referral", "read");

    private final String wire;
    private final List<Field> fields;
    /** Looked up for every cell of an import: a map, not a scan of the list. */
    private final Map<String, Field> byName;

    RecordKind(String wire, List<Field> fields) {
        this.wire = wire;
        this.fields = fields;
        this.byName = fields.stream().collect(Collectors.toUnmodifiableMap(Field::name, f -> f));
    }

    /** The name in URLs and import requests, and of the MongoDB collection. */
    public String wire() {
        return wire;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public static Optional<RecordKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
