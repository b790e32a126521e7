package io.sentio.satisfaction.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class IndicatorMomentsTest {

    static final List<String> NAMES = List.of("x", "y", "z");

    static double[][] rows(int n, long seed, double missingShare) {
        var r = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            double f = r.nextGaussian();
            rows[i][0] = Math.rint(5 + 2 * f + r.nextGaussian());
            rows[i][1] = Math.rint(6 + f + r.nextGaussian());
            rows[i][2] = 3.7 * r.nextGaussian() - f;
            for (int j = 0; j < 3; j++) {
                if (r.nextDouble() < missingShare) {
                    rows[i][j] = Double.NaN;
                }
            }
        }
        return rows;
    }

    static IndicatorMoments moments(double[][] rows, int from, int to) {
        var m = IndicatorMoments.of(NAMES);
        for (int i = from; i < to; i++) {
            m.add(rows[i]);
        }
        return m;
    }

    @Test
    void completeDataGiveTheTwoPassCovariance() {
        double[][] rows = rows(5000, 1, 0);
        var stats = moments(rows, 0, rows.length).statistics(MissingValues.MEAN_REPLACEMENT);
        double[][] expected = new Covariance(rows).getCovarianceMatrix().getData();
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertThat(stats.covariance()[j][k]).isCloseTo(expected[j][k], within(1e-10));
            }
        }
        assertThat(stats.means()[2]).isCloseTo(java.util.Arrays.stream(rows).mapToDouble(r -> r[2]).average().orElseThrow(),
                within(1e-12));
    }

    @Test
    void mergingTwoHalvesEqualsTheWhole() {
        double[][] rows = rows(3000, 2, 0.1);
        var whole = moments(rows, 0, 3000);
        var first = moments(rows, 0, 1700);
        first.merge(moments(rows, 1700, 3000)); // different shifts: the second half starts elsewhere
        for (MissingValues mv : MissingValues.values()) {
            var a = whole.statistics(mv);
            var b = first.statistics(mv);
            assertThat(b.n()).isEqualTo(a.n());
            for (int j = 0; j < 3; j++) {
                assertThat(b.means()[j]).isCloseTo(a.means()[j], within(1e-12));
                for (int k = 0; k < 3; k++) {
                    assertThat(b.covariance()[j][k]).isCloseTo(a.covariance()[j][k], within(1e-10));
                }
            }
        }
        var restored = IndicatorMoments.restore(first.snapshot());
        assertThat(restored.statistics(MissingValues.MEAN_REPLACEMENT).covariance()[0][2])
                .isEqualTo(first.statistics(MissingValues.MEAN_REPLACEMENT).covariance()[0][2]);
    }

    @Test
    void meanReplacementEqualsExplicitImputationAndCasewiseDropsRows() {
        double[][] rows = rows(2000, 3, 0.15);
        var m = moments(rows, 0, rows.length);
        double[] mean = new double[3];
        for (int j = 0; j < 3; j++) {
            final int c = j;
            mean[j] = java.util.Arrays.stream(rows).mapToDouble(r -> r[c]).filter(x -> !Double.isNaN(x)).average().orElseThrow();
        }
        double[][] imputed = new double[rows.length][3];
        var complete = new java.util.ArrayList<double[]>();
        for (int i = 0; i < rows.length; i++) {
            boolean full = true;
            for (int j = 0; j < 3; j++) {
                imputed[i][j] = Double.isNaN(rows[i][j]) ? mean[j] : rows[i][j];
                full &= !Double.isNaN(rows[i][j]);
            }
            if (full) {
                complete.add(rows[i]);
            }
        }
        double[][] expected = new Covariance(imputed).getCovarianceMatrix().getData();
        double[][] expectedCw = new Covariance(complete.toArray(double[][]::new)).getCovarianceMatrix().getData();
        var mr = m.statistics(MissingValues.MEAN_REPLACEMENT);
        var cw = m.statistics(MissingValues.CASEWISE_DELETION);
        assertThat(cw.n()).isEqualTo(complete.size()).isLessThan(rows.length);
        for (int j = 0; j < 3; j++) {
            assertThat(mr.means()[j]).isCloseTo(mean[j], within(1e-12));
            for (int k = 0; k < 3; k++) {
                assertThat(mr.covariance()[j][k]).isCloseTo(expected[j][k], within(1e-10));
                assertThat(cw.covariance()[j][k]).isCloseTo(expectedCw[j][k], within(1e-10));
            }
        }
    }

    @Test
    void staysExactForHugeOffsets() {
        // Values around 1e9 with unit spread: naive Σx² − n·x̄² would lose every digit.
        var m = IndicatorMoments.of(List.of("big"));
        long n = 1_000_000;
        for (long i = 0; i < n; i++) {
            m.add(new double[] {1e9 + (i % 2 == 0 ? 1 : -1)});
        }
        var s = m.statistics(MissingValues.MEAN_REPLACEMENT);
        assertThat(s.means()[0]).isEqualTo(1e9);
        assertThat(s.covariance()[0][0]).isCloseTo((double) n / (n - 1), within(1e-12));
    }

    @Test
    void rejectsBadRows() {
        var m = IndicatorMoments.of(NAMES);
        assertThatThrownBy(() -> m.add(new double[] {1, 2})).hasMessageContaining("2 values for 3 indicators");
        assertThatThrownBy(() -> m.add(new double[] {1, Double.POSITIVE_INFINITY, 2})).hasMessageContaining("y");
        assertThatThrownBy(() -> m.statistics(MissingValues.MEAN_REPLACEMENT)).isInstanceOf(InvalidModelException.class);
    }
}
