package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recovery of known parameters from a cohort simulated with a fixed seed by {@link CohortSimulator}: every
 * estimate must lie within 4 standard errors of the truth, the standard errors coming from the observed
 * information (central differences of the analytic gradient at the estimate).
 */
class SyntheticRecoveryTest {

    private static final BgNbdParameters TRUE_BG = new BgNbdParameters(0.6, 3.0, 0.9, 3.5);
    private static final GammaGammaParameters TRUE_GG = new GammaGammaParameters(4.0, 5.0, 20.0);
    private static CustomerSummaries cohort;

    @BeforeAll
    static void simulate() {
        cohort = new CohortSimulator(2024).cohort(30_000, TRUE_BG, TRUE_GG, 20, 52);
    }

    @Test
    void recoversBgNbdParameters() {
        BgNbdFit fit = BgNbdModel.fit(cohort);
        BgNbdLikelihood likelihood = new BgNbdLikelihood(cohort.frequencies(), cohort.recencies(), cohort.ages());
        double[] estimate = {fit.r(), fit.alpha(), fit.a(), fit.b()};
        double[] se = standardErrors(estimate, p -> likelihood.valueAndGradient(p[0], p[1], p[2], p[3]));
        double[] truth = {TRUE_BG.r(), TRUE_BG.alpha(), TRUE_BG.a(), TRUE_BG.b()};
        for (int j = 0; j < 4; j++) {
            assertThat(se[j]).isPositive().isLessThan(0.2 * truth[j]);
            assertThat(estimate[j]).as("parameter %d", j).isCloseTo(truth[j], offset(4 * se[j]));
        }
        // the fit is a maximum: the gradient vanishes there (relative to the per-customer scale)
        double[] g = likelihood.valueAndGradient(estimate[0], estimate[1], estimate[2], estimate[3]);
        for (int j = 1; j <= 4; j++) {
            assertThat(g[j] * estimate[j - 1] / cohort.size()).isCloseTo(0, offset(1e-8));
        }
    }

    /**
     * Every customer drops out after a purchase with the same probability 0.05: the likelihood's supremum lies on
     * the ridge a, b &rarr; &infin;, a/(a+b) = 0.05, where the fit stops at the bound on a + b with the dropout
     * probability, r and &alpha; recovered.
     */
    @Test
    void homogeneousDropoutIsFittedOnTheRidgeUpToTheBound() {
        BgNbdParameters truth = new BgNbdParameters(0.6, 3.0, 0.05e9, 0.95e9);
        CustomerSummaries homogeneous = new CohortSimulator(7).cohort(30_000, truth, TRUE_GG, 20, 52);
        BgNbdFit fit = BgNbdModel.fit(homogeneous);
        assertThat(fit.a() / (fit.a() + fit.b())).isCloseTo(0.05, offset(0.01));
        assertThat(fit.a() + fit.b()).isGreaterThan(100)
                .isLessThanOrEqualTo(Math.exp(BgNbdEstimation.MAX_LOG_SUM) * 1.000001);
        assertThat(fit.r()).isCloseTo(0.6, offset(0.1));
        assertThat(fit.alpha()).isCloseTo(3.0, offset(0.6));
    }

    @Test
    void recoversGammaGammaParameters() {
        GammaGammaParameters fit = GammaGammaModel.fit(cohort);
        GammaGammaModel.Likelihood likelihood = GammaGammaModel.Likelihood.of(cohort);
        double[] estimate = {fit.p(), fit.q(), fit.gamma()};
        double[] se = standardErrors(estimate, p -> likelihood.valueAndGradient(p[0], p[1], p[2]));
        double[] truth = {TRUE_GG.p(), TRUE_GG.q(), TRUE_GG.gamma()};
        for (int j = 0; j < 3; j++) {
            assertThat(se[j]).isPositive().isLessThan(0.3 * truth[j]);
            assertThat(estimate[j]).as("parameter %d", j).isCloseTo(truth[j], offset(4 * se[j]));
        }
    }

    private interface Gradient {
        double[] at(double[] p);
    }

    /** sqrt of the diagonal of the inverse observed information, -H^-1, H by central differences. */
    private static double[] standardErrors(double[] estimate, Gradient gradient) {
        int d = estimate.length;
        double[][] h = new double[d][d];
        for (int j = 0; j < d; j++) {
            double step = 1e-5 * estimate[j];
            double[] up = estimate.clone();
            double[] down = estimate.clone();
            up[j] += step;
            down[j] -= step;
            double[] gu = gradient.at(up);
            double[] gd = gradient.at(down);
            for (int k = 0; k < d; k++) {
                h[k][j] = -(gu[k + 1] - gd[k + 1]) / (2 * step);
            }
        }
        RealMatrix covariance = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver().getInverse();
        double[] se = new double[d];
        for (int j = 0; j < d; j++) {
            se[j] = Math.sqrt(covariance.getEntry(j, j));
        }
        return se;
    }
}
