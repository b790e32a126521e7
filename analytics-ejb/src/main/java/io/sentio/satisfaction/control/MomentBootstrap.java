package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.Interval;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.Arrays;
import java.util.Optional;

/**
 * Resampled sufficient statistics for confidence intervals when only moments are kept (per-day
 * aggregates hold no rows to resample): a <em>parametric</em> bootstrap under a multivariate normal
 * model of the rows (Efron &amp; Tibshirani 1993, sec. 6.5). A replicate is what the mean vector and
 * covariance matrix of n i.i.d. rows drawn from N(x̄, S) would be; both are drawn directly from their
 * exact sampling distributions, so the cost does not depend on n:
 * <ul>
 *   <li>x̄* = x̄ + L z / √n, z ~ N(0, I), S = L Lᵀ (Cholesky);</li>
 *   <li>(n − 1) S* ~ Wishart_p(S, n − 1), independent of x̄* (Anderson 2003, "An Introduction to
 *       Multivariate Statistical Analysis", 3rd ed., Thm. 3.3.2), drawn by the Bartlett decomposition
 *       (Bartlett 1933; Anderson 2003, Cor. 7.2.1): S* = L A Aᵀ Lᵀ / (n − 1) with A lower triangular,
 *       A_ii² ~ χ²(n − 1 − i) (i = 0..p−1), A_ij ~ N(0, 1) below the diagonal.</li>
 * </ul>
 * This equals the nonparametric bootstrap to first order when the rows are close to normal; with
 * discrete, skewed ratings it ignores the higher moments (kurtosis) of the answers, which mainly
 * affects the spread of covariances, so intervals are approximate. Seeded: the same seed gives the same
 * replicates. Immutable and thread-safe.
 */
public final class MomentBootstrap {

    private final IndicatorStatistics statistics;
    private final double[][] chol;
    private final long seed;

    private MomentBootstrap(IndicatorStatistics statistics, double[][] chol, long seed) {
        this.statistics = statistics;
        this.chol = chol;
        this.seed = seed;
    }

    /** A bootstrap of {@code statistics}; empty if its covariance is not positive definite or n ≤ p. */
    public static Optional<MomentBootstrap> of(IndicatorStatistics statistics, long seed) {
        int p = statistics.size();
        if (statistics.n() <= p + 1) {
            return Optional.empty();
        }
        double[][] l = cholesky(statistics.covariance());
        return l == null ? Optional.empty() : Optional.of(new MomentBootstrap(statistics, l, seed));
    }

    /**
     * Replicate {@code b} of the means and covariance of n rows. Each replicate has its own random
     * stream, seeded by (seed, b), so replicates can be drawn in parallel and in any order.
     */
    public IndicatorStatistics draw(int replicate) {
        RandomGenerator random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), replicate, 0x5eed});
        int p = statistics.size();
        long n = statistics.n();
        double df = n - 1.0;
        double[] mean = statistics.means().clone();
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            z[i] = random.nextGaussian();
        }
        double rootN = Math.sqrt(n);
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += chol[i][k] * z[k];
            }
            mean[i] += s / rootN;
        }
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            a[i][i] = Math.sqrt(new GammaDistribution(random, (df - i) / 2.0, 2.0).sample());
            for (int j = 0; j < i; j++) {
                a[i][j] = random.nextGaussian();
            }
        }
        // B = L A (lower triangular), S* = B Bᵀ / df
        double[][] b = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = j; k <= i; k++) {
                    s += chol[i][k] * a[k][j];
                }
                b[i][j] = s;
            }
        }
        double[][] cov = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += b[i][k] * b[j][k];
                }
                cov[i][j] = s / df;
                cov[j][i] = s / df;
            }
        }
        return new IndicatorStatistics(statistics.names(), n, mean, cov);
    }

    /** Lower Cholesky factor, or null if the matrix is not (numerically) positive definite. */
    static double[][] cholesky(double[][] m) {
        int p = m.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12 * Math.max(1e-300, Math.abs(m[i][i])))) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /**
     * Percentile 95% interval of replicates (Efron &amp; Tibshirani 1993, ch. 13; quantiles by linear
     * interpolation, Hyndman &amp; Fan 1996 type 7). NaN replicates are left out; null if none is left.
     */
    public static Interval percentile95(double[] replicates) {
        double[] v = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (v.length < 2) {
            return null;
        }
        return new Interval(quantile(v, 0.025), quantile(v, 0.975));
    }

    /** Standard deviation of the finite replicates (the bootstrap standard error), NaN if fewer than 2. */
    public static double standardError(double[] replicates) {
        double[] v = Arrays.stream(replicates).filter(Double::isFinite).toArray();
        if (v.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
