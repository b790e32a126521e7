package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** BG/NBD closed forms, Monte Carlo checks of the expectations, and numerical robustness. */
class BgNbdModelTest {

    private static final BgNbdParameters CDNOW = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);

    @Test
    void customerWithoutRepeatPurchaseIsAlive() {
        BgNbdModel model = new BgNbdModel(CDNOW);
        for (double age : new double[] {0, 1, 38.86, 1e6}) {
            assertThat(model.probabilityAlive(0, 0, age)).isEqualTo(1.0);
        }
    }

    @Test
    void probabilityAliveMatchesClosedFormAndFallsWithSilence() {
        BgNbdModel model = new BgNbdModel(CDNOW);
        // x = 2, t_x = 30.43, T = 38.86: 1 / (1 + a/(b+1) ((alpha+T)/(alpha+t_x))^(r+2)), by hand
        double odds = 0.7929 / (2.4258 + 1) * Math.pow((4.4135 + 38.86) / (4.4135 + 30.43), 2.2426);
        assertThat(model.probabilityAlive(2, 30.43, 38.86)).isCloseTo(1 / (1 + odds), offset(1e-14));
        assertThat(model.probabilityAlive(5, 38, 39)).isGreaterThan(model.probabilityAlive(5, 20, 39));
        assertThat(model.probabilityAlive(5, 20, 39)).isGreaterThan(model.probabilityAlive(5, 2, 39));
    }

    /** E[X(t)] against a simulation of the BG/NBD process itself: 200,000 customers, 4 standard errors. */
    @ParameterizedTest
    @CsvSource({
        "0.2426, 4.4135, 0.7929, 2.4258, 39",
        "0.2426, 4.4135, 0.7929, 2.4258, 300",
        "2.0, 3.0, 1.0, 4.0, 20",     // a = 1: removable singularity
        "1.5, 10.0, 1.004, 3.0, 52",  // near a = 1: series branch
        "0.8, 2.0, 3.5, 0.6, 10",
        "0.5, 1.0, 0.3, 0.4, 25"})    // a + b < 1: C = a + b - 1 < 0
    void expectedPurchasesMatchesMonteCarlo(double r, double alpha, double a, double b, double t) {
        BgNbdParameters params = new BgNbdParameters(r, alpha, a, b);
        CohortSimulator simulator = new CohortSimulator(42);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = simulator.purchases(params, t)[0];
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertThat(new BgNbdModel(params).expectedPurchases(t)).isCloseTo(mean, offset(4 * se));
    }

    /**
     * Law of total expectation: for customers observed to T, mean of x(T) + E[Y(t) | x, t_x, T] must equal
     * E[X(T + t)]. Checks FHL eq. 10 (and P(alive)) against the unconditional expectation and a simulation.
     */
    @ParameterizedTest
    @CsvSource({
        "0.2426, 4.4135, 0.7929, 2.4258, 39, 39",
        "1.5, 10.0, 1.0, 3.0, 20, 60",
        "0.8, 2.0, 3.5, 0.6, 10, 5"})
    void conditionalExpectationIsConsistentWithUnconditional(double r, double alpha, double a, double b,
                                                             double age, double t) {
        BgNbdParameters params = new BgNbdParameters(r, alpha, a, b);
        BgNbdModel model = new BgNbdModel(params);
        CohortSimulator simulator = new CohortSimulator(7);
        int n = 100_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double[] h = simulator.purchases(params, age);
            double v = h[0] + model.conditionalExpectedPurchases(t, (int) h[0], h[1], age);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertThat(mean).isCloseTo(model.expectedPurchases(age + t), offset(4 * se));
    }

    /**
     * FHL eq. 10 against an independent route to the same expectation: an alive customer with history
     * (x, t_x, T) has posterior &lambda; ~ Gamma(r+x, &alpha;+T) and p ~ Beta(a, b+x), and given them buys
     * (1 &minus; e<sup>&minus;&lambda;pt</sup>)/p times in t; integrating &lambda; in closed form leaves
     * E[Y(t) | alive] = E<sub>p</sub>[(1 &minus; (1 + pt/(&alpha;+T))<sup>&minus;(r+x)</sup>)/p], computed here
     * by composite Gauss-Legendre quadrature over the Beta density's mass. The cases are heavy buyers whose
     * hypergeometric has z &gt; 0.75 and a large c&minus;a&minus;b, where the connection formula cancels (the first
     * two are fits of the loyalty benchmark, which used to give E[Y] = 3.5e7 or fail).
     */
    @ParameterizedTest
    @CsvSource({
        "1.5477678, 2.3244026, 2.2999661, 58.732998, 23, 14.429, 15, 52",
        "3.2506671, 10.336662, 944.36500, 44095.976, 4, 10, 12, 52",
        "3.2111670, 1.0, 800, 32000, 3, 1, 2, 52",
        "0.5, 0.5, 3, 20, 40, 2.9, 3, 100",
        "0.2426, 4.4135, 0.7929, 2.4258, 30, 38, 39, 52"})
    void conditionalExpectationMatchesTheBetaMixtureIntegral(double r, double alpha, double a, double b, int x,
                                                             double tx, double age, double t) {
        BgNbdModel model = new BgNbdModel(new BgNbdParameters(r, alpha, a, b));
        double shape = b + x;
        double logBeta = Gamma.logGamma(a) + Gamma.logGamma(shape) - Gamma.logGamma(a + shape);
        double tau = t / (alpha + age);
        // p = e^v: dp p^(a-1) = e^(av) dv, smooth also where the density is singular at p = 0 (a < 1), and
        // negligible (below e^-40 of the peak) for v < ln(mean) - 40/a
        UnivariateFunction integrand = v -> {
            double p = Math.exp(v);
            return -Math.expm1(-(r + x) * Math.log1p(p * tau)) / p
                    * Math.exp(a * v + (shape - 1) * Math.log1p(-p) - logBeta);
        };
        double mean = a / (a + shape);
        double sd = Math.sqrt(a * shape / ((a + shape) * (a + shape) * (a + shape + 1)));
        double lower = Math.log(mean) - 40 / a - 1;
        double upper = Math.log(Math.min(1, mean + 40 * sd));
        int panels = 2_000;
        double alive = 0;
        for (int k = 0; k < panels; k++) {
            alive += new GaussIntegratorFactory().legendre(10, lower + (upper - lower) * k / panels,
                    lower + (upper - lower) * (k + 1) / panels).integrate(integrand);
        }
        double expected = model.probabilityAlive(x, tx, age) * alive;
        assertThat(model.conditionalExpectedPurchases(t, x, tx, age)).isCloseTo(expected, offset(1e-9 * expected));
    }

    @Test
    void expectationsAreContinuousAcrossTheNearOneBranch() {
        for (double t : new double[] {1, 39, 500}) {
            double below = new BgNbdModel(new BgNbdParameters(0.5, 4, 1.00999999, 2.5)).expectedPurchases(t);
            double above = new BgNbdModel(new BgNbdParameters(0.5, 4, 1.01000001, 2.5)).expectedPurchases(t);
            assertThat(below).isCloseTo(above, offset(1e-6 * above));
            double cBelow = new BgNbdModel(new BgNbdParameters(0.5, 4, 1.00999999, 2.5))
                    .conditionalExpectedPurchases(t, 3, 20, 30);
            double cAbove = new BgNbdModel(new BgNbdParameters(0.5, 4, 1.01000001, 2.5))
                    .conditionalExpectedPurchases(t, 3, 20, 30);
            assertThat(cBelow).isCloseTo(cAbove, offset(1e-6 * cAbove));
        }
    }

    @Test
    void heavyBuyersAndLongHistoriesStayFinite() {
        BgNbdModel model = new BgNbdModel(CDNOW);
        double ll = model.logLikelihood(20_000, 990, 1000);
        assertThat(ll).isFinite();
        // buying ~20 per unit time up to the very end: posterior rate (r+x)/(alpha+T) ~ 19.9 and dropout
        // a/(a+b+x) ~ 4e-5 per purchase, so ~1,990 purchases in 100 units less a few percent of dropout
        double expected = model.conditionalExpectedPurchases(100, 20_000, 999.99, 1000);
        assertThat(expected).isFinite().isBetween(1500.0, 1991.0);
        assertThat(model.probabilityAlive(20_000, 999.99, 1000)).isBetween(0.9, 1.0);
        // silent for one unit at that rate (probability ~e^-20 if alive): almost surely gone
        assertThat(model.probabilityAlive(20_000, 999, 1000)).isLessThan(1e-3);
        assertThat(model.probabilityAlive(20_000, 10, 1000)).isCloseTo(0.0, offset(1e-12));
    }

    @Test
    void expectedPurchasesGrowFromZero() {
        BgNbdModel model = new BgNbdModel(CDNOW);
        assertThat(model.expectedPurchases(0)).isZero();
        // small t: E[X(t)] ~ r t / alpha (no dropout yet)
        assertThat(model.expectedPurchases(1e-4)).isCloseTo(0.2426 * 1e-4 / 4.4135, offset(1e-9));
        assertThat(model.expectedPurchases(78)).isGreaterThan(model.expectedPurchases(39));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        CustomerSummaries cdnow = CdnowData.summaries();
        BgNbdLikelihood likelihood = new BgNbdLikelihood(cdnow.frequencies(), cdnow.recencies(), cdnow.ages());
        double[] p = {0.3, 5.0, 0.9, 2.0};
        double[] analytic = likelihood.valueAndGradient(p[0], p[1], p[2], p[3]);
        assertThat(analytic[0]).isCloseTo(likelihood.value(p[0], p[1], p[2], p[3]), offset(1e-8));
        for (int j = 0; j < 4; j++) {
            double h = 1e-6 * p[j];
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (likelihood.value(up[0], up[1], up[2], up[3])
                    - likelihood.value(down[0], down[1], down[2], down[3])) / (2 * h);
            assertThat(analytic[j + 1]).isCloseTo(numeric, offset(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void rejectsImpossibleHistories() {
        BgNbdModel model = new BgNbdModel(CDNOW);
        assertThatThrownBy(() -> model.probabilityAlive(1, 40, 39)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("recency");
        assertThatThrownBy(() -> model.expectedPurchases(-1)).isInstanceOf(InvalidLoyaltyDataException.class);
        assertThatThrownBy(() -> new BgNbdParameters(0, 1, 1, 1)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("r");
    }

    @Test
    void cannotFitWithoutRepeatPurchases() {
        CustomerSummaries none = CustomerSummaries.of(new String[] {"a", "b"}, new int[] {0, 0},
                new double[] {0, 0}, new double[] {10, 20}, new double[] {0, 0});
        assertThatThrownBy(() -> BgNbdModel.fit(none)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("repeat purchase");
    }
}
