package io.sentio.surveys.control;

import io.sentio.surveys.entity.AnswerViolation;
import io.sentio.surveys.entity.InvalidAnswersException;
import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.ItemKind;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks submitted answers against a survey and puts valid ones into canonical form.
 *
 * <p>Answers are a map from item name to value, as parsed from JSON: numbers as {@link Number}
 * ({@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, ...), strings, booleans, null; Jakarta JSON
 * values ({@link JsonNumber}, {@link JsonString}, {@link JsonValue#TRUE}, ...) are accepted too, so a
 * {@code JsonObject} can be passed as it is. Rules, each reported as an {@link AnswerViolation} naming the key:
 * <ul>
 * <li>a key starting with {@code $} or containing {@code .} or NUL is refused: answers are stored under their
 *     keys in MongoDB, where such names are operators or paths;</li>
 * <li>a key that is no item of the survey is refused;</li>
 * <li>a rating or numeric choice takes a whole number ({@code 8}, also {@code 8.0}), not a string ({@code "8"}),
 *     a fraction ({@code 8.5}) or a boolean; a rating lies within its scale; a choice is one of its values;</li>
 * <li>a boolean item takes a boolean, a text or comment item a string of at most {@link #maxTextLength()}
 *     characters (UTF-16 units, as SurveyJS's {@code maxLength} counts);</li>
 * <li>every required item is answered; null, and a blank string for text, count as no answer.</li>
 * </ul>
 * All violations are reported, not only the first. Stateless and thread-safe.
 */
public final class AnswerValidator {

    /** Default bound on a text or comment answer; the templates' {@code COMMENT} has the same {@code maxLength}. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 10_000;

    private static final int MAX_FIELD_LENGTH = 100;
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final int maxTextLength;

    /** A validator bounding text answers at {@value #DEFAULT_MAX_TEXT_LENGTH} characters. */
    public AnswerValidator() {
        this(DEFAULT_MAX_TEXT_LENGTH);
    }

    public AnswerValidator(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength: must be positive, got " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
    }

    public int maxTextLength() {
        return maxTextLength;
    }

    /**
     * Every rule the answers break, in the order of the answer keys, then missing required items in survey order.
     * An empty list means the answers are valid.
     *
     * @throws InvalidSurveyException if {@code template} or {@code answers} is null
     */
    public List<AnswerViolation> validate(SurveyTemplate template, Map<String, ?> answers) {
        return check(template, answers, null);
    }

    /**
     * The answers in canonical form, if valid: item order of the survey; ratings and numeric choices as
     * {@link Integer}, string choices, text and comments as {@link String}, booleans as {@link Boolean}; unanswered
     * items (null, blank text) left out. Equal answers normalise to equal maps, whatever number types the JSON
     * parser chose, which makes "same submission again" a plain {@code equals}.
     *
     * @throws InvalidAnswersException with every violation if the answers are not valid
     */
    public Map<String, Object> normalise(SurveyTemplate template, Map<String, ?> answers) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<AnswerViolation> violations = check(template, answers, values);
        if (!violations.isEmpty()) {
            throw new InvalidAnswersException(violations);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (SurveyItem item : template.items()) {
            Object v = values.get(item.name());
            if (v != null) {
                ordered.put(item.name(), v);
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    private List<AnswerViolation> check(SurveyTemplate template, Map<String, ?> answers, Map<String, Object> values) {
        if (template == null) {
            throw new InvalidSurveyException("template: must not be null");
        }
        if (answers == null) {
            throw new InvalidSurveyException("answers: must not be null");
        }
        List<AnswerViolation> violations = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (Map.Entry<String, ?> e : answers.entrySet()) {
            String key = e.getKey();
            if (key == null) {
                violations.add(new AnswerViolation("(null key)", "not an item name"));
                continue;
            }
            if (key.startsWith("$") || key.indexOf('.') >= 0 || key.indexOf('\0') >= 0) {
                violations.add(new AnswerViolation(field(key),
                        "reserved characters: an answer key must not start with '$' or contain '.' or NUL"));
                continue;
            }
            SurveyItem item = template.item(key).orElse(null);
            if (item == null) {
                violations.add(new AnswerViolation(field(key), "unknown item: the survey has no item with this name"));
                continue;
            }
            Object value = unwrap(e.getValue());
            boolean text = item.kind() == ItemKind.TEXT || item.kind() == ItemKind.COMMENT;
            if (value == null || text && value instanceof String s && s.isBlank()) {
                continue; // not answered; reported below if required
            }
            // Answered, rightly or wrongly: a wrong answer is reported once, not also as missing.
            answered.add(key);
            Object canonical = switch (item.kind()) {
                case RATING -> rating(item, value, violations);
                case CHOICE -> choice(item, value, violations);
                case BOOLEAN -> bool(item, value, violations);
                case TEXT, COMMENT -> text(item, value, violations);
            };
            if (canonical != null && values != null) {
                values.put(key, canonical);
            }
        }
        for (SurveyItem item : template.items()) {
            if (item.required() && !answered.contains(item.name())) {
                violations.add(new AnswerViolation(item.name(), "missing: this item is required"));
            }
        }
        return violations;
    }

    private static Object rating(SurveyItem item, Object value, List<AnswerViolation> violations) {
        Integer n = wholeNumber(item, value, violations);
        if (n == null) {
            return null;
        }
        if (n < item.scaleMin() || n > item.scaleMax()) {
            violations.add(new AnswerViolation(item.name(), "out of range: " + n + " is not within "
                    + item.scaleMin() + " to " + item.scaleMax()));
            return null;
        }
        return n;
    }

    private static Object choice(SurveyItem item, Object value, List<AnswerViolation> violations) {
        if (item.numeric()) {
            Integer n = wholeNumber(item, value, violations);
            if (n == null) {
                return null;
            }
            if (!item.allowedValues().contains(n.toString())) {
                violations.add(new AnswerViolation(item.name(), "not an allowed value: " + n + " is not one of "
                        + String.join(", ", item.allowedValues())));
                return null;
            }
            return n;
        }
        if (!(value instanceof String s)) {
            violations.add(new AnswerViolation(item.name(), "wrong type: expected one of the choices as a string, got "
                    + describe(value)));
            return null;
        }
        if (!item.allowedValues().contains(s)) {
            violations.add(new AnswerViolation(item.name(), "not an allowed value: '" + TemplateParser.shorten(s)
                    + "' is not one of the choices"));
            return null;
        }
        return s;
    }

    private static Object bool(SurveyItem item, Object value, List<AnswerViolation> violations) {
        if (value instanceof Boolean b) {
            return b;
        }
        violations.add(new AnswerViolation(item.name(), "wrong type: expected true or false, got " + describe(value)));
        return null;
    }

    private Object text(SurveyItem item, Object value, List<AnswerViolation> violations) {
        if (!(value instanceof String s)) {
            violations.add(new AnswerViolation(item.name(), "wrong type: expected text, got " + describe(value)));
            return null;
        }
        if (s.length() > maxTextLength) {
            violations.add(new AnswerViolation(item.name(), "too long: " + s.length() + " characters, at most "
                    + maxTextLength));
            return null;
        }
        return s;
    }

    /** The value as an int if it is a whole number; otherwise reports a violation and returns null. */
    private static Integer wholeNumber(SurveyItem item, Object value, List<AnswerViolation> violations) {
        String expected = "expected a whole number from " + item.scaleMin() + " to " + item.scaleMax() + ", got ";
        if (!(value instanceof Number number)) {
            violations.add(new AnswerViolation(item.name(), "wrong type: " + expected + describe(value)));
            return null;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            long v = number.longValue(); // the common case, without BigDecimal
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                violations.add(new AnswerViolation(item.name(), "out of range: " + v + " is not within "
                        + item.scaleMin() + " to " + item.scaleMax()));
                return null;
            }
            return (int) v;
        }
        BigDecimal decimal = decimal(number);
        if (decimal == null) {
            violations.add(new AnswerViolation(item.name(), "wrong type: " + expected + "a non-finite number"));
            return null;
        }
        if (decimal.compareTo(INT_MIN) < 0 || decimal.compareTo(INT_MAX) > 0) {
            violations.add(new AnswerViolation(item.name(), "out of range: " + shortNumber(decimal) + " is not within "
                    + item.scaleMin() + " to " + item.scaleMax()));
            return null;
        }
        if (decimal.scale() > 0 && decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            violations.add(new AnswerViolation(item.name(), "wrong type: " + expected + "the fraction "
                    + shortNumber(decimal)));
            return null;
        }
        return decimal.intValue();
    }

    /** Exact decimal value of a number, or null for NaN and infinities. */
    private static BigDecimal decimal(Number n) {
        return switch (n) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger b -> new BigDecimal(b);
            case BigDecimal d -> d;
            case Double d -> Double.isFinite(d) ? new BigDecimal(d) : null;
            case Float f -> Float.isFinite(f) ? new BigDecimal(f) : null;
            default -> {
                double d = n.doubleValue();
                yield Double.isFinite(d) ? new BigDecimal(d) : null;
            }
        };
    }

    /** Jakarta JSON values as plain Java values; anything else unchanged. */
    private static Object unwrap(Object value) {
        if (!(value instanceof JsonValue json)) {
            return value;
        }
        return switch (json.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) json).bigDecimalValue();
            case STRING -> ((JsonString) json).getString();
            case ARRAY, OBJECT -> json;
        };
    }

    private static String describe(Object value) {
        return switch (value) {
            case String s -> "the string \"" + TemplateParser.shorten(s) + "\"";
            case Boolean b -> "the boolean " + b;
            case Number n -> "the number " + shortNumber(decimal(n));
            case JsonStructure s when s.getValueType() == JsonValue.ValueType.ARRAY -> "an array";
            case Collection<?> c -> "an array";
            case Object[] a -> "an array";
            case JsonStructure s -> "an object";
            case Map<?, ?> m -> "an object";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    private static String shortNumber(BigDecimal d) {
        if (d == null) {
            return "NaN";
        }
        String s = d.stripTrailingZeros().toString();
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }

    private static String field(String key) {
        if (key.isEmpty()) {
            return "(empty key)";
        }
        return key.length() <= MAX_FIELD_LENGTH ? key : key.substring(0, MAX_FIELD_LENGTH) + "…";
    }
}
