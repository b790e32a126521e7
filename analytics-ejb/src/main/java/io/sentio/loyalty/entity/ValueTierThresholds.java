package io.sentio.loyalty.entity;

/**
 * Cumulative revenue-share cut points for value tiers. Customers are ranked by revenue, highest first; a customer
 * whose better-ranked customers (strictly higher revenue) together hold less than {@code aPlus} of total revenue
 * is A+, less than {@code a} is A, less than {@code b} is B, otherwise C. So the A+ customers are the smallest
 * top group that reaches {@code aPlus} of revenue (e.g. 0.5: the customers who make the first half of revenue).
 * Requires 0 &lt; aPlus &lt; a &lt; b &le; 1.
 */
public record ValueTierThresholds(double aPlus, double a, double b) {

    /** A+ = first 50% of revenue, A = up to 80%, B = up to 95%, C = the rest. */
    public static final ValueTierThresholds DEFAULT = new ValueTierThresholds(0.5, 0.8, 0.95);

    public ValueTierThresholds {
        if (!(aPlus > 0 && aPlus < a && a < b && b <= 1)) {
            throw new InvalidLoyaltyDataException("value tier thresholds must satisfy 0 < aPlus < a < b <= 1, were "
                    + aPlus + ", " + a + ", " + b, 0, "thresholds");
        }
    }

    /** The tier of a customer whose strictly better-ranked customers hold {@code shareAbove} of revenue. */
    public ValueTier tierFor(double shareAbove) {
        if (shareAbove < aPlus) {
            return ValueTier.A_PLUS;
        }
        if (shareAbove < a) {
            return ValueTier.A;
        }
        return shareAbove < b ? ValueTier.B : ValueTier.C;
    }
}
