package io.sentio.loyalty.control;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of a cohort, FHL 2005 eq. 6 summed over customers, arranged for speed:
 * the Gamma-function part depends on a customer only through x, so it is computed once per distinct frequency
 * and weighted by its count; the logarithms ln(&alpha;+t) are computed once per distinct time t (customers
 * observed on a calendar share a few hundred values of T and t<sub>x</sub>), so that the per-customer part is one
 * exponential and one logarithm, summed in parallel over primitive arrays with {@link ChunkedSum} (deterministic
 * result). With customers i, for x &gt; 0:
 * <pre>
 *   ln L_i = g(x) + logSumExp(&minus;(r+x) ln(&alpha;+T), ln a &minus; ln(b+x&minus;1) &minus; (r+x) ln(&alpha;+t_x))
 *   g(x)   = ln&Gamma;(r+x) &minus; ln&Gamma;(r) + r ln &alpha; + ln&Gamma;(a+b) + ln&Gamma;(b+x) &minus; ln&Gamma;(b) &minus; ln&Gamma;(a+b+x)
 * </pre>
 * and ln L_i = g(0) &minus; r ln(&alpha;+T) for x = 0. Immutable after construction; thread-safe.
 */
final class BgNbdLikelihood {

    private final int[] frequency;
    private final int[] recency;
    private final int[] age;
    private final double[] times;
    private final int[] group;
    private final int[] distinct;
    private final long[] count;

    /** Takes ownership of the arrays (callers pass copies). */
    BgNbdLikelihood(int[] frequency, double[] recency, double[] age) {
        this.frequency = frequency;
        DistinctValues values = new DistinctValues(recency.length + age.length);
        this.recency = values.indices(recency);
        this.age = values.indices(age);
        this.times = values.values();
        this.distinct = distinctFrequencies(frequency);
        this.count = new long[distinct.length];
        this.group = new int[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            int g = Arrays.binarySearch(distinct, frequency[i]);
            group[i] = g;
            count[g]++;
        }
    }

    int size() {
        return frequency.length;
    }

    /**
     * The distinct values of purchase counts (&ge; 0), ascending, by marking them in a table (frequencies are
     * small integers; {@code IntStream.distinct} would box every customer into a hash set).
     */
    static int[] distinctFrequencies(int[] frequency) {
        int max = 0;
        for (int x : frequency) {
            max = Math.max(max, x);
        }
        boolean[] seen = new boolean[max + 1];
        int count = 0;
        for (int x : frequency) {
            if (!seen[x]) {
                seen[x] = true;
                count++;
            }
        }
        int[] out = new int[count];
        for (int x = 0, k = 0; x <= max; x++) {
            if (seen[x]) {
                out[k++] = x;
            }
        }
        return out;
    }

    /** &Sigma;<sub>i</sub> x<sub>i</sub>, for rescaling the likelihood when the time unit changes. */
    long totalFrequency() {
        long s = 0;
        for (int g = 0; g < distinct.length; g++) {
            s += count[g] * distinct[g];
        }
        return s;
    }

    double value(double r, double alpha, double a, double b) {
        double lnGammaR = Gamma.logGamma(r);
        double lnGammaB = Gamma.logGamma(b);
        double lnGammaAB = Gamma.logGamma(a + b);
        double lnA = Math.log(a);
        double rLnAlpha = r * Math.log(alpha);
        double[] logDropWeight = new double[distinct.length];
        double grouped = 0;
        for (int g = 0; g < distinct.length; g++) {
            int x = distinct[g];
            double common = x == 0 ? rLnAlpha
                    : Gamma.logGamma(r + x) - lnGammaR + rLnAlpha
                    + lnGammaAB + Gamma.logGamma(b + x) - lnGammaB - Gamma.logGamma(a + b + x);
            grouped += count[g] * common;
            logDropWeight[g] = x == 0 ? Double.NaN : lnA - Math.log(b + x - 1);
        }
        double[] lnTime = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnTime[k] = Math.log(alpha + times[k]);
        }
        double perCustomer = ChunkedSum.over(frequency.length, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                int x = frequency[i];
                double lnAlive = lnTime[age[i]];
                if (x == 0) {
                    s -= r * lnAlive;
                } else {
                    double rx = r + x;
                    double u = -rx * lnAlive;
                    double v = logDropWeight[group[i]] - rx * lnTime[recency[i]];
                    s += Math.max(u, v) + log1pSmall(Math.exp(-Math.abs(u - v)));
                }
            }
            return s;
        });
        return grouped + perCustomer;
    }

    /**
     * The log-likelihood and its gradient {ln L, &part;/&part;r, &part;/&part;&alpha;, &part;/&part;a,
     * &part;/&part;b}, at the cost of about one {@link #value} evaluation. With h = logSumExp(u, v) and
     * &pi; = e<sup>v&minus;h</sup> the weight of the dropout term, per customer with x &gt; 0:
     * &part;h/&part;r = &minus;(1&minus;&pi;) ln(&alpha;+T) &minus; &pi; ln(&alpha;+t<sub>x</sub>),
     * &part;h/&part;&alpha; = &minus;(r+x)[(1&minus;&pi;)/(&alpha;+T) + &pi;/(&alpha;+t<sub>x</sub>)],
     * &part;h/&part;a = &pi;/a, &part;h/&part;b = &minus;&pi;/(b+x&minus;1); the g(x) part differentiates into
     * digamma functions, once per distinct x.
     */
    double[] valueAndGradient(double r, double alpha, double a, double b) {
        double psiR = GaussHypergeometric.digamma(r);
        double psiB = GaussHypergeometric.digamma(b);
        double psiAB = GaussHypergeometric.digamma(a + b);
        double lnGammaR = Gamma.logGamma(r);
        double lnGammaB = Gamma.logGamma(b);
        double lnGammaAB = Gamma.logGamma(a + b);
        double lnA = Math.log(a);
        double lnAlpha = Math.log(alpha);
        double[] logDropWeight = new double[distinct.length];
        double[] dropRate = new double[distinct.length]; // 1/(b+x-1)
        double[] grouped = new double[5];
        for (int g = 0; g < distinct.length; g++) {
            int x = distinct[g];
            double c = count[g];
            if (x == 0) {
                grouped[0] += c * r * lnAlpha;
                grouped[1] += c * lnAlpha;
                grouped[2] += c * r / alpha;
                logDropWeight[g] = Double.NaN;
                continue;
            }
            grouped[0] += c * (Gamma.logGamma(r + x) - lnGammaR + r * lnAlpha + lnGammaAB + Gamma.logGamma(b + x)
                    - lnGammaB - Gamma.logGamma(a + b + x));
            double psiABX = GaussHypergeometric.digamma(a + b + x);
            grouped[1] += c * (GaussHypergeometric.digamma(r + x) - psiR + lnAlpha);
            grouped[2] += c * r / alpha;
            grouped[3] += c * (psiAB - psiABX);
            grouped[4] += c * (psiAB + GaussHypergeometric.digamma(b + x) - psiB - psiABX);
            logDropWeight[g] = lnA - Math.log(b + x - 1);
            dropRate[g] = 1 / (b + x - 1);
        }
        double[] lnTime = new double[times.length];
        double[] inverseTime = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnTime[k] = Math.log(alpha + times[k]);
            inverseTime[k] = 1 / (alpha + times[k]);
        }
        // sums: value, d/dr, d/dalpha, sum of pi (for d/da), sum of pi/(b+x-1) (for d/db)
        double[] sums = ChunkedSum.vector(frequency.length, 5, (from, to, acc) -> {
            double v0 = 0;
            double dr = 0;
            double dAlpha = 0;
            double pi = 0;
            double piOverB = 0;
            for (int i = from; i < to; i++) {
                int x = frequency[i];
                double lnAlive = lnTime[age[i]];
                if (x == 0) {
                    v0 -= r * lnAlive;
                    dr -= lnAlive;
                    dAlpha -= r * inverseTime[age[i]];
                } else {
                    double rx = r + x;
                    double lnDrop = lnTime[recency[i]];
                    double u = -rx * lnAlive;
                    double v = logDropWeight[group[i]] - rx * lnDrop;
                    double e = Math.exp(-Math.abs(u - v));
                    double w = v > u ? 1 / (1 + e) : e / (1 + e); // weight of the dropout term
                    v0 += Math.max(u, v) + log1pSmall(e);
                    dr -= (1 - w) * lnAlive + w * lnDrop;
                    dAlpha -= rx * ((1 - w) * inverseTime[age[i]] + w * inverseTime[recency[i]]);
                    pi += w;
                    piOverB += w * dropRate[group[i]];
                }
            }
            acc[0] += v0;
            acc[1] += dr;
            acc[2] += dAlpha;
            acc[3] += pi;
            acc[4] += piOverB;
        });
        return new double[] {
            grouped[0] + sums[0],
            grouped[1] + sums[1],
            grouped[2] + sums[2],
            grouped[3] + sums[3] / a,
            grouped[4] - sums[4]};
    }

    /**
     * ln(1+e) for 0 &le; e &le; 1, the log-sum-exp correction of every customer's likelihood: {@code Math.log} is a
     * JIT intrinsic and {@code Math.log1p} is not (it runs StrictMath's software version, most of a fit's time on
     * large cohorts). The absolute error, below 1.2&middot;10<sup>&minus;16</sup>, is negligible next to the
     * log-likelihood term it is added to.
     */
    private static double log1pSmall(double e) {
        return Math.log(1 + e);
    }

    /**
     * Numbers the distinct values of some columns (an open-addressing hash table on the bit patterns, with no
     * object per value): each column becomes indices into {@link #values()}.
     */
    private static final class DistinctValues {
        private long[] keys;
        private int[] slots;
        private double[] values;
        private int size;

        DistinctValues(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 16)) * 2);
            keys = new long[capacity];
            slots = new int[capacity];
            Arrays.fill(slots, -1);
            values = new double[capacity / 2];
        }

        int[] indices(double[] column) {
            int[] out = new int[column.length];
            for (int i = 0; i < column.length; i++) {
                out[i] = index(column[i] + 0.0); // -0.0 and 0.0 are one time
            }
            return out;
        }

        double[] values() {
            return Arrays.copyOf(values, size);
        }

        private int index(double value) {
            long key = Double.doubleToLongBits(value);
            int mask = keys.length - 1;
            int h = home(key, mask);
            while (slots[h] >= 0) {
                if (keys[h] == key) {
                    return slots[h];
                }
                h = (h + 1) & mask;
            }
            if (size == values.length) {
                grow();
                return index(value);
            }
            keys[h] = key;
            slots[h] = size;
            values[size] = value;
            return size++;
        }

        /** The first slot to try: a multiplicative hash of the bits (doubles on a grid differ in high bits). */
        private static int home(long key, int mask) {
            return (int) (key ^ (key >>> 29) ^ (key >>> 41)) * 0x9E3779B9 & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            Arrays.fill(slots, -1);
            values = Arrays.copyOf(values, keys.length / 2);
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldSlots[j] >= 0) {
                    int h = home(oldKeys[j], mask);
                    while (slots[h] >= 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[j];
                    slots[h] = oldSlots[j];
                }
            }
        }
    }
}
