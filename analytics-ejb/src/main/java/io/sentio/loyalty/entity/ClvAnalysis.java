package io.sentio.loyalty.entity;

import java.util.List;

/**
 * Result of a CLV analysis: the fitted BG/NBD and Gamma-Gamma models and one value estimate per customer, in the
 * order of the input. Shaped as the response of {@code POST /api/v1/analyses/clv}.
 */
public record ClvAnalysis(BgNbdFit bgnbd, GammaGammaParameters gammaGamma, List<CustomerValue> customers) {

    public ClvAnalysis {
        if (bgnbd == null || gammaGamma == null || customers == null) {
            throw new InvalidLoyaltyDataException("CLV analysis parts must not be null");
        }
        customers = List.copyOf(customers);
    }

    /** Customer equity: the sum of the customers' lifetime values (Kahn-compensated). */
    public double customerEquity() {
        double sum = 0;
        double compensation = 0;
        for (CustomerValue c : customers) {
            double y = c.clv() - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
