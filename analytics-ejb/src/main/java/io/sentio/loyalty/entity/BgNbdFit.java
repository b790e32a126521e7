package io.sentio.loyalty.entity;

/**
 * A maximum-likelihood BG/NBD fit: the parameters and the maximised log-likelihood (Fader, Hardie &amp; Lee 2005,
 * eq. 6, summed over customers). Shaped as the {@code bgnbd} object of the CLV analysis response.
 */
public record BgNbdFit(double r, double alpha, double a, double b, double logLikelihood) {

    public BgNbdFit {
        new BgNbdParameters(r, alpha, a, b);
        if (!(logLikelihood <= 0)) {
            throw new InvalidLoyaltyDataException("logLikelihood must be finite and <= 0, was " + logLikelihood,
                    0, "logLikelihood");
        }
    }

    public BgNbdParameters parameters() {
        return new BgNbdParameters(r, alpha, a, b);
    }
}
