package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.CustomerValue;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Customer lifetime value over a finite horizon from a BG/NBD purchase model and a Gamma-Gamma spend model
 * (the combination of Fader, Hardie &amp; Lee 2005b, "RFM and CLV", with the BG/NBD of FHL 2005).
 *
 * <p>Formula. The horizon H (in the time unit of the data) is cut into periods of length 1, the last one
 * possibly shorter: t<sub>k</sub> = min(k, H), k = 1..&lceil;H&rceil;. With the discount rate d per time unit
 * and cash flows booked at the end of each period,
 * <pre>
 *   CLV = E[M | x, m] &middot; &Sigma;<sub>k</sub> (E[Y(t<sub>k</sub>) | x, t<sub>x</sub>, T] &minus; E[Y(t<sub>k&minus;1</sub>) | x, t<sub>x</sub>, T]) / (1+d)<sup>t<sub>k</sub></sup>
 * </pre>
 * where E[Y(t) | &hellip;] is FHL 2005 eq. 10 and E[M | x, m] the Gamma-Gamma conditional mean spend; spend is
 * assumed independent of the purchase process, as the Gamma-Gamma model requires. With d = 0 the sum telescopes
 * to E[M] &middot; E[Y(H)], evaluated directly. Customer equity is &Sigma; CLV over the cohort
 * ({@link ClvAnalysis#customerEquity()}).
 *
 * <p>Immutable and thread-safe; {@link #analyse} evaluates customers in parallel.
 */
public final class ClvEstimator {

    private final BgNbdFit purchases;
    private final BgNbdModel purchaseModel;
    private final GammaGammaModel spendModel;

    public ClvEstimator(BgNbdFit purchases, GammaGammaParameters spend) {
        if (purchases == null || spend == null) {
            throw new InvalidLoyaltyDataException("CLV needs both a BG/NBD fit and Gamma-Gamma parameters");
        }
        this.purchases = purchases;
        this.purchaseModel = new BgNbdModel(purchases.parameters());
        this.spendModel = new GammaGammaModel(spend);
    }

    /** Fits both models to the cohort and values every customer over the horizon. */
    public static ClvAnalysis fitAndAnalyse(CustomerSummaries data, double horizon, double discountRate) {
        requireHorizon(horizon, discountRate);
        BgNbdFit bgnbd = BgNbdModel.fit(data);
        GammaGammaParameters gammaGamma = GammaGammaModel.fit(data);
        return new ClvEstimator(bgnbd, gammaGamma).analyse(data, horizon, discountRate);
    }

    /** Values every customer of the cohort, in input order. */
    public ClvAnalysis analyse(CustomerSummaries data, double horizon, double discountRate) {
        requireHorizon(horizon, discountRate);
        CustomerValue[] values = new CustomerValue[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(i -> values[i] = value(data.id(i), data.frequency(i),
                data.recency(i), data.age(i), data.monetary(i), horizon, discountRate));
        return new ClvAnalysis(purchases, spendModel.parameters(), Arrays.asList(values));
    }

    /** Values one customer with history (x, t<sub>x</sub>, T) and mean repeat spend m. */
    public CustomerValue value(String id, int x, double tx, double age, double monetary, double horizon,
                               double discountRate) {
        requireHorizon(horizon, discountRate);
        double alive = probabilityAlive(x, tx, age);
        double spend = spend(x, monetary);
        // max(0, .): rounding may leave -1e-17 for a customer who is almost surely gone
        double expectedPurchases = Math.max(0, alive * purchaseModel.expectedPurchasesIfAlive(horizon, x, age));
        return new CustomerValue(id, expectedPurchases, alive, spend,
                spend * alive * discountedPurchasesIfAlive(x, age, horizon, discountRate));
    }

    /** P(alive | x, t<sub>x</sub>, T) under the fitted BG/NBD. */
    double probabilityAlive(int x, double tx, double age) {
        return purchaseModel.probabilityAlive(x, tx, age);
    }

    /** E[M | x, m], the Gamma-Gamma conditional mean spend per transaction. */
    double spend(int x, double monetary) {
        return spendModel.conditionalExpectedSpend(x, x > 0 ? monetary : 0);
    }

    /**
     * The discounted expected purchases over the horizon of a customer with x repeat purchases and age T <em>if
     * alive</em>: CLV = {@link #spend} &middot; {@link #probabilityAlive} &middot; this (P(alive) is a common factor
     * of every period's expectation, FHL eq. 10). It depends on (x, T) only, so that a population's customers
     * with equal (x, T) can share one evaluation of the hypergeometric function. The horizon and rate must have
     * been checked ({@link #requireHorizon}).
     */
    double discountedPurchasesIfAlive(int x, double age, double horizon, double discountRate) {
        if (discountRate == 0) {
            return Math.max(0, purchaseModel.expectedPurchasesIfAlive(horizon, x, age));
        }
        double discounted = 0;
        double previous = 0;
        int periods = (int) Math.ceil(horizon);
        double logDiscount = Math.log1p(discountRate);
        for (int k = 1; k <= periods; k++) {
            double t = Math.min(k, horizon);
            double cumulative = purchaseModel.expectedPurchasesIfAlive(t, x, age);
            discounted += (cumulative - previous) * Math.exp(-t * logDiscount);
            previous = cumulative;
        }
        return Math.max(0, discounted);
    }

    static void requireHorizon(double horizon, double discountRate) {
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new InvalidLoyaltyDataException("horizon must be positive and finite, was " + horizon, 0,
                    "horizon");
        }
        if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
            throw new InvalidLoyaltyDataException("discountRate must be finite and >= 0, was " + discountRate, 0,
                    "discountRate");
        }
        if (discountRate > 0 && Math.ceil(horizon) > 100_000) {
            throw new InvalidLoyaltyDataException(
                    "a discounted horizon must be at most 100000 periods, was " + horizon, 0, "horizon");
        }
    }
}
