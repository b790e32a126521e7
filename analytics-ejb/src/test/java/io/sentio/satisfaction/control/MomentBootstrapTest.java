package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The parametric moment bootstrap against the closed-form moments of the normal and Wishart laws. */
class MomentBootstrapTest {

    private static final double[][] SIGMA = {{4, 1.2, 0.5}, {1.2, 2, 0.3}, {0.5, 0.3, 1}};
    private static final double[] MU = {5, 6, 7};

    @Test
    void drawsHaveTheExactSamplingMomentsOfMeansAndCovariances() {
        long n = 50;
        var stats = new IndicatorStatistics(List.of("a", "b", "c"), n, MU, SIGMA);
        MomentBootstrap boot = MomentBootstrap.of(stats, 11).orElseThrow();
        int reps = 40_000;
        double[] meanSum = new double[3];
        double[] meanSq = new double[3];
        double[][] covSum = new double[3][3];
        double s00sq = 0;
        double s01sq = 0;
        for (int b = 0; b < reps; b++) {
            IndicatorStatistics d = boot.draw(b);
            for (int j = 0; j < 3; j++) {
                double dm = d.means()[j] - MU[j];
                meanSum[j] += dm;
                meanSq[j] += dm * dm;
                for (int k = 0; k < 3; k++) {
                    covSum[j][k] += d.covariance()[j][k];
                }
            }
            s00sq += Math.pow(d.covariance()[0][0] - SIGMA[0][0], 2);
            s01sq += Math.pow(d.covariance()[0][1] - SIGMA[0][1], 2);
        }
        for (int j = 0; j < 3; j++) {
            // E x̄* = μ, Var x̄*_j = σ_jj / n
            assertThat(meanSum[j] / reps).isCloseTo(0, within(4 * Math.sqrt(SIGMA[j][j] / n / reps)));
            assertThat(meanSq[j] / reps).isCloseTo(SIGMA[j][j] / n, within(0.05 * SIGMA[j][j] / n));
            for (int k = 0; k < 3; k++) {
                // E S* = Σ (Wishart mean / df)
                assertThat(covSum[j][k] / reps).isCloseTo(SIGMA[j][k], within(0.02 * SIGMA[0][0]));
            }
        }
        // Var S*_jk = (σ_jk² + σ_jj σ_kk) / (n − 1) (Anderson 2003, Thm. 7.3.? / Wishart second moments)
        double df = n - 1;
        assertThat(s00sq / reps).isCloseTo(2 * SIGMA[0][0] * SIGMA[0][0] / df, within(0.05 * 2 * 16 / df));
        assertThat(s01sq / reps).isCloseTo((SIGMA[0][1] * SIGMA[0][1] + SIGMA[0][0] * SIGMA[1][1]) / df,
                within(0.05 * (1.44 + 8) / df));
    }

    @Test
    void sameSeedSameDrawsAndSingularCovarianceHasNoBootstrap() {
        var stats = new IndicatorStatistics(List.of("a", "b", "c"), 30, MU, SIGMA);
        assertThat(MomentBootstrap.of(stats, 3).orElseThrow().draw(5).covariance())
                .isDeepEqualTo(MomentBootstrap.of(stats, 3).orElseThrow().draw(5).covariance());
        assertThat(MomentBootstrap.of(stats, 3).orElseThrow().draw(5).covariance())
                .isNotEqualTo(MomentBootstrap.of(stats, 3).orElseThrow().draw(6).covariance());
        double[][] singular = {{1, 1, 0}, {1, 1, 0}, {0, 0, 1}};
        assertThat(MomentBootstrap.of(new IndicatorStatistics(List.of("a", "b", "c"), 30, MU, singular), 3)).isEmpty();
    }

    @Test
    void percentileIntervalInterpolatesLikeType7() {
        double[] reps = new double[101];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = 100 - i;
        }
        var ci = MomentBootstrap.percentile95(reps);
        assertThat(ci.lower()).isCloseTo(2.5, within(1e-12));
        assertThat(ci.upper()).isCloseTo(97.5, within(1e-12));
    }
}
