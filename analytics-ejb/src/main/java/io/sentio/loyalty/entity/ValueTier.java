package io.sentio.loyalty.entity;

/** Value tiers by revenue contribution, best first; see {@link ValueTierThresholds}. */
public enum ValueTier {
    A_PLUS("A+"), A("A"), B("B"), C("C");

    private final String label;

    ValueTier(String label) {
        this.label = label;
    }

    /** Display label ("A+", "A", "B", "C"). */
    public String label() {
        return label;
    }
}
