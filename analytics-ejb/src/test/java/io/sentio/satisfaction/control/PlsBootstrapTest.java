package io.sentio.satisfaction.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentio.satisfaction.entity.PlsResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlsBootstrapTest {

    static final PlsEstimator ESTIMATOR = new PlsEstimator(SyntheticAcsi.model(), PlsEstimator.Settings.defaults());

    @Test
    void resampleCountsAreExactlyMultinomial() {
        // Counts of n i.i.d. uniform draws: each count ~ Binomial(n, 1/n) (mean 1, variance 1 − 1/n,
        // P(0) = (1 − 1/n)^n), two counts have covariance −1/n, and they sum to n. Margin 0 forces the
        // removal branch about half the time, margin 4 mostly the addition branch.
        int n = 20;
        int reps = 40_000;
        for (double margin : new double[] {0.0, 4.0}) {
            var plan = new ResampleStream.Plan(n, margin);
            double s0 = 0;
            double s00 = 0;
            double s01 = 0;
            int zeros = 0;
            for (int b = 0; b < reps; b++) {
                int[] c = new ResampleStream(plan, 99, b).counts();
                assertThat(Arrays.stream(c).sum()).isEqualTo(n);
                s0 += c[0];
                s00 += c[0] * c[0];
                s01 += c[0] * c[1];
                zeros += c[0] == 0 ? 1 : 0;
            }
            double mean = s0 / reps;
            double var = s00 / reps - mean * mean;
            double cov = s01 / reps - mean * mean;
            // Tolerances are about 4 standard errors of each Monte Carlo estimate.
            assertThat(mean).as("mean, margin " + margin).isCloseTo(1.0, within(0.02));
            assertThat(var).as("variance").isCloseTo(1 - 1.0 / n, within(0.04));
            assertThat(cov).as("covariance").isCloseTo(-1.0 / n, within(0.025));
            assertThat((double) zeros / reps).as("P(0)").isCloseTo(Math.pow(1 - 1.0 / n, n), within(0.01));
        }
    }

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        ItemMatrix data = ItemMatrix.of(SyntheticAcsi.names(), SyntheticAcsi.rows(600, 3, true));
        var boot = new PlsBootstrap(ESTIMATOR);
        PlsResult a = boot.estimate(data, 100, 17);
        PlsResult b = boot.estimate(data, 100, 17);
        PlsResult c = boot.estimate(data, 100, 18);
        assertThat(b.bootstrap()).isEqualTo(a.bootstrap());
        assertThat(c.bootstrap().paths()).isNotEqualTo(a.bootstrap().paths());
        assertThat(a.paths()).allSatisfy(p -> assertThat(p.ci95()).isNotNull());
        assertThat(a.bootstrap().indexes().get("satisfaction").contains(a.indexes().get("satisfaction"))).isTrue();
    }

    @Test
    void vectorKernelScalarKernelAndDoublePathAgree() {
        double[][] rows = SyntheticAcsi.rows(3000, 4, true);
        var r = new SplittableRandom(1);
        for (double[] row : rows) {
            if (r.nextDouble() < 0.1) {
                row[r.nextInt(row.length)] = Double.NaN;
            }
        }
        ItemMatrix compact = ItemMatrix.of(SyntheticAcsi.names(), rows);
        // An affine change of every item leaves standardized results unchanged but forces the double path.
        double[][] affine = Arrays.stream(rows).map(row -> Arrays.stream(row).map(x -> 1.5 * x + 0.25).toArray())
                .toArray(double[][]::new);
        ItemMatrix general = ItemMatrix.of(SyntheticAcsi.names(), affine);
        assertThat(compact.isCompact()).isTrue();
        assertThat(general.isCompact()).isFalse();
        var boot = new PlsBootstrap(ESTIMATOR);
        double[][] scalar = boot.replicates(compact, 24, 5, false);
        double[][] doubles = boot.replicates(general, 24, 5, false);
        double[][] vector = TileKernel.VECTOR ? boot.replicates(compact, 24, 5, true) : scalar;
        int standardized = ESTIMATOR.model().paths().size() + SyntheticAcsi.names().size();
        for (int b = 0; b < 24; b++) {
            for (int k = 0; k < scalar[b].length; k++) {
                assertThat(vector[b][k]).isCloseTo(scalar[b][k], within(1e-12));
            }
            for (int k = 0; k < standardized; k++) {
                assertThat(doubles[b][k]).isCloseTo(scalar[b][k], within(1e-9));
            }
            int r2 = standardized + ESTIMATOR.model().size();
            for (int k = r2; k < scalar[b].length; k++) {
                assertThat(doubles[b][k]).isCloseTo(scalar[b][k], within(1e-9));
            }
        }
    }

    @Test
    void intervalsCoverThePopulationPaths() {
        // Population PLS paths of SyntheticAcsi (derivation in PlsEstimatorTest): continuous data, n = 2,000.
        double[][] rows = SyntheticAcsi.rows(2000, 21, false);
        PlsResult res = new PlsBootstrap(ESTIMATOR).estimate(ItemMatrix.of(SyntheticAcsi.names(), rows), 400, 1);
        PlsResult population = ESTIMATOR.estimate(
                PlsEstimatorTest.moments(SyntheticAcsi.names(), SyntheticAcsi.rows(400_000, 22, false)));
        int covered = 0;
        for (var p : res.paths()) {
            double truth = population.path(p.from(), p.to());
            covered += p.ci95().contains(truth) ? 1 : 0;
            // Percentile interval width ≈ 2·1.96·SE, SE ≈ 1/√n-ish for standardized paths.
            assertThat(p.ci95().width()).isBetween(0.02, 0.2);
        }
        // Nominal 95% coverage of 9 intervals: 7 or more with probability > 0.99 (binomial, if independent).
        assertThat(covered).isGreaterThanOrEqualTo(7);
    }

    @Test
    void percentileIsHyndmanFanType7() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(0.025, 0.975)) = 1.225, 9.775
        assertThat(PlsBootstrap.quantile(v, 0.025)).isCloseTo(1.225, within(1e-12));
        assertThat(PlsBootstrap.quantile(v, 0.975)).isCloseTo(9.775, within(1e-12));
    }
}
