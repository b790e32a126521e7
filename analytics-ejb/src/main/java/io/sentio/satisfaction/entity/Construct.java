package io.sentio.satisfaction.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A latent variable of a path model with its block of manifest indicators.
 *
 * @param name       unique construct name, e.g. "satisfaction"
 * @param indicators the indicator (column) names of its block, at least one, no duplicates
 * @param mode       outer estimation mode
 */
public record Construct(String name, List<String> indicators, Mode mode) {

    public Construct {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException("constructs: a construct has no name");
        }
        if (indicators == null || indicators.isEmpty()) {
            throw new InvalidModelException("constructs." + name + ": empty block (a construct needs at least one indicator)");
        }
        indicators = List.copyOf(indicators);
        var seen = new HashSet<String>();
        for (String indicator : indicators) {
            if (indicator == null || indicator.isBlank()) {
                throw new InvalidModelException("constructs." + name + ": blank indicator name");
            }
            if (!seen.add(indicator)) {
                throw new InvalidModelException("constructs." + name + ": indicator '" + indicator + "' listed twice");
            }
        }
        mode = Objects.requireNonNullElse(mode, Mode.A);
    }

    /** A reflective (Mode A) construct. */
    public static Construct reflective(String name, String... indicators) {
        return new Construct(name, List.of(indicators), Mode.A);
    }

    /** A formative (Mode B) construct. */
    public static Construct formative(String name, String... indicators) {
        return new Construct(name, List.of(indicators), Mode.B);
    }
}
