package io.sentio.surveys.entity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One answerable question of a survey and its measurement role.
 *
 * <p>Invariants (checked here):
 * <ul>
 * <li>{@code name} matches {@link #NAME}: it becomes a JSON key in the API and a field name in MongoDB,
 *     so it never starts with {@code $} nor contains {@code .}.</li>
 * <li>{@code construct} and {@code measure} are null or lower-case words ({@code quality}, {@code nps}).</li>
 * <li>A scaled item ({@link #hasScale()}: every {@code RATING}, and a {@code CHOICE} whose values are numbers)
 *     has {@code scaleMin < scaleMax}; any other item has {@code scaleMin == scaleMax == 0}.</li>
 * <li>{@code allowedValues} is non-empty exactly for {@code CHOICE}; for a numeric choice every value is the
 *     decimal form of a whole number within the scale (so {@code "0"}, {@code "1"} for ACSI {@code CC1}).</li>
 * </ul>
 *
 * @param name          the item name, e.g. {@code PQ1}
 * @param kind          the shape of the answer
 * @param construct     the latent variable the item measures ({@code expectation}, {@code quality},
 *                      {@code value}, {@code satisfaction}, {@code complaints}, {@code loyalty}, {@code image}),
 *                      or null
 * @param measure       the stand-alone measure it feeds ({@code nps}, {@code csat}, {@code ces},
 *                      {@code comment}), or null
 * @param scaleMin      lowest valid score of a scaled item, else 0
 * @param scaleMax      highest valid score of a scaled item, else 0
 * @param required      whether a submission must answer it
 * @param allowedValues the valid values of a {@code CHOICE} item in display order, else empty
 */
public record SurveyItem(String name, ItemKind kind, String construct, String measure, int scaleMin, int scaleMax,
                         boolean required, Set<String> allowedValues) {

    /** Item names: a letter, then letters, digits or underscores, at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public SurveyItem {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSurveyException("name: '" + name + "' is not a valid item name (a letter, then letters,"
                    + " digits or '_', at most 64 characters)");
        }
        if (kind == null) {
            throw new InvalidSurveyException(name + ".kind: must not be null");
        }
        checkRole(name, "construct", construct);
        checkRole(name, "measure", measure);
        if (allowedValues == null) {
            throw new InvalidSurveyException(name + ".allowedValues: must not be null (use an empty set)");
        }
        allowedValues = Collections.unmodifiableSet(new LinkedHashSet<>(allowedValues));
        boolean scaled = scaleMin != 0 || scaleMax != 0;
        switch (kind) {
            case RATING -> {
                if (scaleMin >= scaleMax) {
                    throw new InvalidSurveyException(name + ".scale: a rating needs scaleMin < scaleMax, got "
                            + scaleMin + " to " + scaleMax);
                }
                if (!allowedValues.isEmpty()) {
                    throw new InvalidSurveyException(name + ".allowedValues: a rating accepts its whole scale,"
                            + " not a list of values");
                }
            }
            case CHOICE -> {
                if (allowedValues.isEmpty()) {
                    throw new InvalidSurveyException(name + ".allowedValues: a choice needs at least one value");
                }
                if (scaled) {
                    checkNumericChoices(name, scaleMin, scaleMax, allowedValues);
                }
                if (allowedValues.stream().anyMatch(v -> v == null || v.isEmpty())) {
                    throw new InvalidSurveyException(name + ".allowedValues: values must not be null or empty");
                }
            }
            case BOOLEAN, TEXT, COMMENT -> {
                if (scaled) {
                    throw new InvalidSurveyException(name + ".scale: a " + kind + " item has no scale, got "
                            + scaleMin + " to " + scaleMax);
                }
                if (!allowedValues.isEmpty()) {
                    throw new InvalidSurveyException(name + ".allowedValues: only a choice has allowed values");
                }
            }
        }
    }

    /** A required rating from {@code min} to {@code max}. */
    public static SurveyItem rating(String name, String construct, String measure, int min, int max) {
        return new SurveyItem(name, ItemKind.RATING, construct, measure, min, max, true, Set.of());
    }

    /** A required choice among whole numbers (e.g. 1 = yes, 0 = no); the scale spans the values. */
    public static SurveyItem numericChoice(String name, String construct, Set<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidSurveyException(name + ".allowedValues: a choice needs at least one value");
        }
        int min = values.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = values.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Set<String> allowed = new LinkedHashSet<>();
        values.forEach(v -> allowed.add(Integer.toString(v)));
        return new SurveyItem(name, ItemKind.CHOICE, construct, null, min, max, true, allowed);
    }

    /** A choice among strings. */
    public static SurveyItem choice(String name, boolean required, Set<String> values) {
        return new SurveyItem(name, ItemKind.CHOICE, null, null, 0, 0, required, values);
    }

    /** An open free-text item that feeds comment analysis. */
    public static SurveyItem comment(String name, boolean required) {
        return new SurveyItem(name, ItemKind.COMMENT, null, "comment", 0, 0, required, Set.of());
    }

    /** Whether answers are scores on {@code scaleMin..scaleMax} (ratings and numeric choices). */
    public boolean hasScale() {
        return scaleMin < scaleMax;
    }

    /** Whether answers are whole numbers rather than strings or booleans. */
    public boolean numeric() {
        return hasScale();
    }

    /** Whether the item feeds the latent variable {@code construct}. */
    public boolean measures(String construct) {
        return construct != null && construct.equals(this.construct);
    }

    private static void checkRole(String name, String field, String value) {
        if (value != null && !ROLE.matcher(value).matches()) {
            throw new InvalidSurveyException(name + "." + field + ": '" + value
                    + "' is not a lower-case word (e.g. quality, nps)");
        }
    }

    private static void checkNumericChoices(String name, int min, int max, Set<String> values) {
        if (min >= max) {
            throw new InvalidSurveyException(name + ".scale: a numeric choice needs scaleMin < scaleMax, got "
                    + min + " to " + max);
        }
        for (String v : values) {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new InvalidSurveyException(name + ".allowedValues: '" + v + "' is not a whole number,"
                        + " but the item has a numeric scale");
            }
            if (n < min || n > max || !Integer.toString(n).equals(v)) {
                throw new InvalidSurveyException(name + ".allowedValues: '" + v + "' is not a whole number within "
                        + min + " to " + max);
            }
        }
    }
}
