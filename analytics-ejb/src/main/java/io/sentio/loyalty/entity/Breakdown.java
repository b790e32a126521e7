package io.sentio.loyalty.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a period's customers are grouped for retention, churn and return on customer (docs/loyalty.md):
 * by profile {@code segment}, by value {@code tier} at the period start, or by every {@code touchpoint} used in the
 * churn window before the period start.
 */
public enum Breakdown {
    SEGMENT, TIER, TOUCHPOINT;

    /** The group of customers without a segment, or without any touchpoint in the window. */
    public static final String NONE = "(none)";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Breakdown> fromWire(String value) {
        for (Breakdown b : values()) {
            if (b.wire().equals(value)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
