package io.sentio.loyalty.entity;

/**
 * Parameters of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2)): while alive, a customer buys as a Poisson process with rate &lambda; ~ Gamma(shape
 * {@code r}, rate {@code alpha}); after each purchase the customer drops out with probability p ~ Beta({@code a},
 * {@code b}). {@code alpha} is in the time unit of the data; the others are dimensionless. All strictly positive
 * and finite.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidLoyaltyDataException(name + " must be positive and finite, was " + v, 0, name);
        }
    }
}
