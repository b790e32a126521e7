package io.sentio.loyalty.entity;

/**
 * A maximum-likelihood BG/NBD fit: the parameters and the maximised log-likelihood (Fader, Hardie &amp; Lee 2005,
 * eq. 6, summed over customers). Shaped as the {@code bgnbd} object of the CLV analysis response.
 */
public record BgNbdFit(double r, double alpha, double a, double b, double logLikelihood) {

    public BgNbdFit {
        new BgNbdParameters(r, alpha, a, b);
        // a density of purchase times, so it may be positive (e.g. for a coarse time unit); only finite is required
        if (!Double.isFinite(logLikelihood)) {
            throw new InvalidLoyaltyDataException("logLikelihood must be finite, was " + logLikelihood,
                    0, "logLikelihood");
        }
    }

    public BgNbdParameters parameters() {
        return new BgNbdParameters(r, alpha, a, b);
    }
}
