package io.sentio.satisfaction.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The row counts of one bootstrap resample: how often each of n rows is drawn in n i.i.d. draws with
 * replacement, i.e. a Multinomial(n; 1/n, …, 1/n) vector, generated row by row so that a kernel can
 * consume it in one streaming pass without an n-sized array.
 *
 * <h2>Exactness (Poisson thinning)</h2>
 * Throw N ~ Poisson(λ) balls into n bins uniformly: the bin counts are i.i.d. Poisson(λ/n), and given
 * N the balls are i.i.d. uniform. So drawing c_i ~ Poisson(μ), μ = λ/n, independently per row, and
 * then adding n − N further uniform draws (when N ≤ n), or removing N − n balls chosen uniformly
 * without replacement among the N (when N &gt; n), leaves exactly n i.i.d. uniform draws: an exact
 * multinomial resample. With λ = max(0, n − 4√n) the removal case has probability ≈ 3·10⁻⁵ and
 * costs a second pass; the additions (≈ 4√n rows) are added by the caller.
 *
 * <p>Each Poisson draw uses 12 random bits (five per 64-bit random number) and a 4,096-entry table
 * that fits the L1 cache; the few table cells that straddle a CDF threshold (≈ 0.4% of draws) fall back
 * to a comparison with 64-bit thresholds, so every draw is the inverse-CDF draw of a uniform with
 * 64-bit resolution.
 *
 * <p>The stream of resample b is a function of (seed, b) only: results do not depend on threads.
 * Not thread-safe.
 */
final class ResampleStream {

    private static final int BITS = 12;
    private static final int PER_LONG = 64 / BITS;

    /** Poisson tables for one n, shared by all resamples. Immutable. */
    static final class Plan {
        final int n;
        final double mu;
        final long[] thresholds; // unsigned T_k = F(k)·2^64, count = #{k : T_k ≤ u}
        final byte[] lut = new byte[1 << BITS];

        Plan(int n, double margin) {
            this.n = n;
            double lambda = Math.max(0.0, n - margin * Math.sqrt(n));
            this.mu = n == 0 ? 0 : lambda / n;
            this.thresholds = thresholds(mu);
            for (int h = 0; h < lut.length; h++) {
                long lo = (long) h << (64 - BITS);
                long hi = lo | (-1L >>> BITS);
                int a = count(lo);
                lut[h] = (byte) (a == count(hi) ? a : -1);
            }
        }

        Plan(int n) {
            this(n, 4.0);
        }

        int count(long u) {
            int k = 0;
            while (k < thresholds.length && Long.compareUnsigned(thresholds[k], u) <= 0) {
                k++;
            }
            return k;
        }

        private static long[] thresholds(double mu) {
            if (mu <= 0) {
                return new long[0];
            }
            var pmf = new ArrayList<Double>();
            double term = Math.exp(-mu);
            for (int k = 0; k < 200 && (k <= mu || term > 1e-40); k++) {
                pmf.add(term);
                term *= mu / (k + 1);
            }
            double[] tail = new double[pmf.size() + 1];
            for (int k = pmf.size() - 1; k >= 0; k--) {
                tail[k] = tail[k + 1] + pmf.get(k);
            }
            BigDecimal two64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));
            var out = new ArrayList<Long>();
            double cdf = 0;
            for (int k = 0; k < pmf.size(); k++) {
                cdf += pmf.get(k);
                double upper = tail[k + 1]; // P(X > k)
                if (upper * 0x1p64 < 1) {
                    break;
                }
                BigInteger t = cdf < 0.5
                        ? new BigDecimal(cdf).multiply(two64).toBigInteger()
                        : BigInteger.ONE.shiftLeft(64).subtract(new BigDecimal(upper).multiply(two64).toBigInteger());
                out.add(t.longValue());
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private final Plan plan;
    private final SplittableRandom rng;
    private long bits;
    private int left;

    ResampleStream(Plan plan, long seed, int resample) {
        this.plan = plan;
        this.rng = new SplittableRandom(mix(seed, resample));
    }

    static long mix(long seed, int resample) {
        long z = seed + 0x9E37_79B9_7F4A_7C15L * (resample + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The Poisson(μ) count of the next row. */
    int next() {
        if (left == 0) {
            bits = rng.nextLong();
            left = PER_LONG;
        }
        int h = (int) (bits >>> (64 - BITS));
        bits <<= BITS;
        left--;
        int c = plan.lut[h];
        return c >= 0 ? c : plan.count(((long) h << (64 - BITS)) | (rng.nextLong() >>> BITS));
    }

    /** The counts of the next {@code rows} rows into {@code out}, exactly as {@link #next} would; returns their sum. */
    long next(int[] out, int rows) {
        long b = bits;
        int l = left;
        long sum = 0;
        byte[] lut = plan.lut;
        for (int i = 0; i < rows; i++) {
            if (l == 0) {
                b = rng.nextLong();
                l = PER_LONG;
            }
            int h = (int) (b >>> (64 - BITS));
            b <<= BITS;
            l--;
            int c = lut[h];
            if (c < 0) {
                c = plan.count(((long) h << (64 - BITS)) | (rng.nextLong() >>> BITS));
            }
            out[i] = c;
            sum += c;
        }
        bits = b;
        left = l;
        return sum;
    }

    /** A uniform row for the n − N additional draws. */
    int uniformRow() {
        return rng.nextInt(plan.n);
    }

    /**
     * The complete count vector of this resample (a fresh stream must be used: it consumes the
     * stream from the start). Sums to exactly n.
     */
    int[] counts() {
        int n = plan.n;
        int[] c = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            c[i] = next();
            total += c[i];
        }
        if (total <= n) {
            for (long a = total; a < n; a++) {
                c[uniformRow()]++;
            }
            return c;
        }
        // Remove total − n balls chosen uniformly without replacement among the total balls
        // (Floyd's algorithm for a uniform subset, then one walk over the prefix sums).
        int remove = (int) (total - n);
        var chosen = new java.util.HashSet<Long>();
        for (long j = total - remove; j < total; j++) {
            long t = rng.nextLong(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        long[] positions = chosen.stream().mapToLong(Long::longValue).sorted().toArray();
        long before = 0;
        int q = 0;
        for (int i = 0; i < n && q < positions.length; i++) {
            long end = before + c[i];
            int taken = 0;
            while (q < positions.length && positions[q] < end) {
                taken++;
                q++;
            }
            before = end;
            c[i] -= taken;
        }
        return c;
    }

    @Override
    public String toString() {
        return "ResampleStream[n=" + plan.n + ", mu=" + plan.mu + ", thresholds=" + Arrays.toString(plan.thresholds) + "]";
    }
}
