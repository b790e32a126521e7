package io.sentio.loyalty.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * When a customer counts as churned (docs/loyalty.md). Both definitions need the customer to be <em>acquired</em>
 * (a purchase before the day) to be alive:
 * <ul>
 * <li>{@link Definition#INACTIVITY}: alive at day d while they purchased in the {@code days} days before d,
 * [d &minus; days, d); they churn on the day {@code days} after their last purchase.</li>
 * <li>{@link Definition#CANCELLATION}: alive at d unless they have an interaction of type {@code cancellation}
 * on or after the day of their last purchase before d (a later purchase wins them back); they churn on the day of
 * that cancellation. {@code days} is then only the look-back window of tiers, touchpoints and churn reasons.</li>
 * </ul>
 * Days are epoch days (UTC); {@link #NONE} stands for "no such day".
 */
public record ChurnRule(Definition definition, int days) {

    /** Churn definitions, by their wire names {@code inactivity} and {@code cancellation}. */
    public enum Definition {
        INACTIVITY, CANCELLATION;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Definition> fromWire(String value) {
            for (Definition d : values()) {
                if (d.wire().equals(value)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** The interaction type that marks an explicit cancellation (compared ignoring case). */
    public static final String CANCELLATION_TYPE = "cancellation";

    /** "No purchase" / "no cancellation" before a day. */
    public static final int NONE = Integer.MIN_VALUE;

    public ChurnRule {
        if (definition == null) {
            throw new InvalidLoyaltyDataException("a churn rule needs a definition", 0, "churn");
        }
        if (days < 1) {
            throw new InvalidLoyaltyDataException("churnDays must be at least 1, was " + days, 0, "churnDays");
        }
    }

    /**
     * @param lastPurchase     day of the customer's last purchase before {@code day}, or {@link #NONE}
     * @param lastCancellation day of their last cancellation before {@code day}, or {@link #NONE}
     */
    public boolean aliveAt(int day, int lastPurchase, int lastCancellation) {
        if (lastPurchase == NONE) {
            return false;
        }
        return switch (definition) {
            case INACTIVITY -> lastPurchase >= day - days;
            case CANCELLATION -> lastCancellation == NONE || lastCancellation < lastPurchase;
        };
    }

    /**
     * The day a customer who is not alive at some day churned, from the same last purchase and cancellation
     * before that day.
     */
    public int churnDay(int lastPurchase, int lastCancellation) {
        return switch (definition) {
            case INACTIVITY -> lastPurchase + days;
            case CANCELLATION -> lastCancellation;
        };
    }
}
