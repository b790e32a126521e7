package io.sentio.loyalty.entity;

/**
 * Parameters of the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves
 * for customer base analysis", JMR 42(4); Fader &amp; Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * a transaction's value is Gamma(shape {@code p}, rate &nu;) and &nu; ~ Gamma(shape {@code q}, rate
 * {@code gamma}) across customers. {@code gamma} is in money units; all strictly positive and finite. Shaped as
 * the {@code gammaGamma} object of the CLV analysis response.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    public GammaGammaParameters {
        BgNbdParameters.requirePositive("p", p);
        BgNbdParameters.requirePositive("q", q);
        BgNbdParameters.requirePositive("gamma", gamma);
    }

    /**
     * Population mean spend per transaction, p&gamma;/(q&minus;1), which exists only for q &gt; 1.
     *
     * @throws InvalidLoyaltyDataException when q &le; 1 (the fitted spend distribution has no finite mean)
     */
    public double meanSpend() {
        if (!(q > 1)) {
            throw new InvalidLoyaltyDataException(
                    "Gamma-Gamma q = " + q + " <= 1: mean spend per transaction is infinite", 0, "q");
        }
        return p * gamma / (q - 1);
    }
}
