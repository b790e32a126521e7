package io.sentio.loyalty.entity;

/**
 * One customer's value estimate over a horizon: expected purchases E[Y(t) | x, t<sub>x</sub>, T] (BG/NBD),
 * the probability of being alive at the end of the calibration period, the expected spend per transaction
 * (Gamma-Gamma conditional mean) and the (discounted) customer lifetime value over the horizon. Shaped as an
 * element of {@code customers} in the CLV analysis response.
 */
public record CustomerValue(String id, double expectedPurchases, double pAlive, double expectedSpend, double clv) {

    public CustomerValue {
        if (id == null || id.isBlank()) {
            throw new InvalidLoyaltyDataException("customer id must not be blank", 0, "id");
        }
        requireNonNegative("expectedPurchases", expectedPurchases);
        requireNonNegative("expectedSpend", expectedSpend);
        requireNonNegative("clv", clv);
        if (!(pAlive >= 0 && pAlive <= 1)) {
            throw new InvalidLoyaltyDataException("pAlive must be in [0, 1], was " + pAlive, 0, "pAlive");
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new InvalidLoyaltyDataException(name + " must be finite and >= 0, was " + v, 0, name);
        }
    }
}
