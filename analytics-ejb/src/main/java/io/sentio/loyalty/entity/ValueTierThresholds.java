package io.sentio.loyalty.entity;

import java.util.List;

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

    /**
     * The thresholds of a request parameter: three numbers separated by commas, the A+, A and B cut points in
     * that order (e.g. {@code 0.5,0.8,0.95}); blank or null means {@link #DEFAULT}.
     *
     * @throws InvalidLoyaltyDataException saying why the value is not three numbers with 0 &lt; A+ &lt; A &lt; B
     *                                     &le; 1
     */
    public static ValueTierThresholds parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 3) {
            throw new InvalidLoyaltyDataException("must be three numbers separated by commas, the cumulative revenue"
                    + " shares ending A+, A and B (e.g. 0.5,0.8,0.95), was " + value, 0, "tiers");
        }
        double[] cuts = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                cuts[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidLoyaltyDataException("must be three numbers separated by commas; "
                        + List.of("A+", "A", "B").get(i) + " is not a number (" + parts[i].strip() + ")", 0, "tiers");
            }
        }
        if (!(cuts[0] > 0 && cuts[0] < cuts[1] && cuts[1] < cuts[2] && cuts[2] <= 1)) {
            throw new InvalidLoyaltyDataException("must be increasing revenue shares with 0 < A+ < A < B <= 1, were "
                    + cuts[0] + ", " + cuts[1] + ", " + cuts[2], 0, "tiers");
        }
        return new ValueTierThresholds(cuts[0], cuts[1], cuts[2]);
    }

    /** The cut points A+, A, B in that order, as {@link #parse} reads them. */
    public List<Double> cutPoints() {
        return List.of(aPlus, a, b);
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
