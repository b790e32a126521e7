package io.sentio.customers.control;

import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.RecordKind;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw record (field name → String, Number, Boolean or, for attributes, a Map; from a CSV row, an NDJSON
 * line or a request body) into a {@link CustomerRecord}, reporting every field at fault at once.
 *
 * <p>Keys are checked before anything reaches MongoDB: a key starting with {@code $} or containing {@code .} or a
 * NUL would be an operator or a path there, so it is refused. Stateless and thread-safe.
 */
public final class RecordValidator {

    public static final int MAX_ID = 200;
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_LONG_TEXT = 100_000;
    public static final int MAX_ATTRIBUTES = 100;
    public static final long MAX_SECONDS = 10_000_000;

    private RecordValidator() {
    }

    /**
     * @param id the record's id, or null to take it from {@code raw.get("id")}
     * @throws DomainException (invalid) listing every violation, fields named as in the input
     */
    public static CustomerRecord validate(RecordKind kind, String id, Map<String, ?> raw) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        Object rawId = id != null ? id : raw.get("id");
        String checkedId = null;
        if (rawId == null || rawId instanceof String s && s.isBlank()) {
            violations.add(new Violation("id", "is required"));
        } else if (!(rawId instanceof String s)) {
            violations.add(new Violation("id", "must be a string"));
        } else {
            checkedId = checkId("id", s, violations);
        }
        if (id != null && raw.get("id") != null && !id.equals(raw.get("id"))) {
            violations.add(new Violation("id", "differs from the id in the path"));
        }
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String name = entry.getKey();
            if (name.equals("id")) {
                continue;
            }
            if (!checkKey(name, name, violations)) {
                continue;
            }
            var field = kind.field(name);
            if (field.isEmpty()) {
                violations.add(new Violation(name, "is not a field of " + kind.wire() + " (fields: id, "
                        + String.join(", ", kind.fields().stream().map(RecordKind.Field::name).toList()) + ")"));
                continue;
            }
            Object value = entry.getValue();
            if (value == null || value instanceof String s && s.isEmpty()) {
                continue;
            }
            Object checked = check(name, field.get().type(), value, violations);
            if (checked != null) {
                fields.put(name, checked);
            }
        }
        for (RecordKind.Field field : kind.fields()) {
            Object value = raw.get(field.name());
            if (field.required() && (value == null || value instanceof String s && s.isBlank())) {
                violations.add(new Violation(field.name(), "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(describe(violations), violations);
        }
        return new CustomerRecord(kind, checkedId, fields);
    }

    /** One line naming every violation, for import error lists. */
    public static String describe(List<Violation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + " " + v.reason()).toList());
    }

    private static String checkId(String name, String value, List<Violation> violations) {
        String s = value.strip();
        if (s.length() > MAX_ID) {
            violations.add(new Violation(name, "is longer than " + MAX_ID + " characters"));
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(name, "contains control characters"));
            return null;
        }
        return s;
    }

    private static boolean checkKey(String field, String key, List<Violation> violations) {
        if (key.isEmpty() || key.startsWith("$") || key.contains(".") || key.indexOf('\0') >= 0) {
            violations.add(new Violation(field, "is not an allowed key (empty, starting with $, or containing . or NUL)"));
            return false;
        }
        if (key.length() > MAX_ID) {
            violations.add(new Violation(field, "key is longer than " + MAX_ID + " characters"));
            return false;
        }
        return true;
    }

    private static Object check(String name, RecordKind.FieldType type, Object value, List<Violation> violations) {
        return switch (type) {
            case ID -> value instanceof String s ? checkId(name, s, violations) : wrong(name, "a string", violations);
            case TEXT -> text(name, value, MAX_TEXT, violations);
            case LONG_TEXT -> text(name, value, MAX_LONG_TEXT, violations);
            case DATE -> value instanceof String s ? date(name, s, violations) : wrong(name, "a date string", violations);
            case AMOUNT -> {
                Double d = number(name, value, violations);
                if (d != null && d < 0) {
                    violations.add(new Violation(name, "must be at least 0 (was " + value + ")"));
                    yield null;
                }
                yield d;
            }
            case SECONDS -> {
                Double d = number(name, value, violations);
                if (d == null) {
                    yield null;
                }
                if (d != Math.rint(d) || d < 0 || d > MAX_SECONDS) {
                    violations.add(new Violation(name, "must be a whole number of seconds from 0 to " + MAX_SECONDS
                            + " (was " + value + ")"));
                    yield null;
                }
                yield d.longValue();
            }
            case COMMUNITY_KIND -> {
                if (value instanceof String s && RecordKind.COMMUNITY_KINDS.contains(s.strip())) {
                    yield s.strip();
                }
                violations.add(new Violation(name, "must be one of " + String.join(", ", RecordKind.COMMUNITY_KINDS)
                        + " (was " + value + ")"));
                yield null;
            }
            case ATTRIBUTES -> attributes(name, value, violations);
        };
    }

    private static Object wrong(String name, String expected, List<Violation> violations) {
        violations.add(new Violation(name, "must be " + expected));
        return null;
    }

    private static String text(String name, Object value, int max, List<Violation> violations) {
        if (!(value instanceof String s)) {
            violations.add(new Violation(name, "must be a string"));
            return null;
        }
        if (s.length() > max) {
            violations.add(new Violation(name, "is longer than " + max + " characters"));
            return null;
        }
        return s;
    }

    private static Double number(String name, Object value, List<Violation> violations) {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = new BigDecimal(s.strip()).doubleValue();
            } catch (NumberFormatException e) {
                violations.add(new Violation(name, "is not a number (" + abbreviate(s) + ")"));
                return null;
            }
        } else {
            violations.add(new Violation(name, "must be a number"));
            return null;
        }
        if (!Double.isFinite(d)) {
            violations.add(new Violation(name, "is not a finite number"));
            return null;
        }
        return d;
    }

    private static Instant date(String name, String value, List<Violation> violations) {
        String s = value.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "is not a date YYYY-MM-DD or an ISO-8601 date-time with offset ("
                    + abbreviate(s) + ")"));
            return null;
        }
    }

    private static Map<String, Object> attributes(String name, Object value, List<Violation> violations) {
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(new Violation(name, "must be an object"));
            return null;
        }
        if (map.size() > MAX_ATTRIBUTES) {
            violations.add(new Violation(name, "has more than " + MAX_ATTRIBUTES + " keys"));
            return null;
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String field = name + "." + key;
            if (!checkKey(field, key, violations)) {
                ok = false;
                continue;
            }
            Object v = e.getValue();
            if (v instanceof String s) {
                if (s.length() > MAX_TEXT) {
                    violations.add(new Violation(field, "is longer than " + MAX_TEXT + " characters"));
                    ok = false;
                }
                checked.put(key, s);
            } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                checked.put(key, n.doubleValue());
            } else if (v instanceof Boolean b) {
                checked.put(key, b);
            } else if (v != null) {
                violations.add(new Violation(field, "must be a string, a finite number or a boolean"));
                ok = false;
            }
        }
        return ok ? java.util.Collections.unmodifiableMap(checked) : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
