package io.sentio.loyalty.control;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of a cohort, FHL 2005 eq. 6 summed over customers, arranged for speed:
 * the Gamma-function part depends on a customer only through x, so it is computed once per distinct frequency
 * and weighted by its count; the per-customer part needs two logarithms and one exponential, and is summed in
 * parallel over primitive arrays with {@link ChunkedSum} (deterministic result). With customers i, for x &gt; 0:
 * <pre>
 *   ln L_i = g(x) + logSumExp(&minus;(r+x) ln(&alpha;+T), ln a &minus; ln(b+x&minus;1) &minus; (r+x) ln(&alpha;+t_x))
 *   g(x)   = ln&Gamma;(r+x) &minus; ln&Gamma;(r) + r ln &alpha; + ln&Gamma;(a+b) + ln&Gamma;(b+x) &minus; ln&Gamma;(b) &minus; ln&Gamma;(a+b+x)
 * </pre>
 * and ln L_i = g(0) &minus; r ln(&alpha;+T) for x = 0. Immutable after construction; thread-safe.
 */
final class BgNbdLikelihood {

    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final int[] group;
    private final int[] distinct;
    private final long[] count;

    /** Takes ownership of the arrays (callers pass copies). */
    BgNbdLikelihood(int[] frequency, double[] recency, double[] age) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.distinct = IntStream.of(frequency).distinct().sorted().toArray();
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
        double perCustomer = ChunkedSum.over(frequency.length, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                int x = frequency[i];
                double lnAlive = Math.log(alpha + age[i]);
                if (x == 0) {
                    s -= r * lnAlive;
                } else {
                    double rx = r + x;
                    double u = -rx * lnAlive;
                    double v = logDropWeight[group[i]] - rx * Math.log(alpha + recency[i]);
                    s += u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
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
                double aliveDenominator = alpha + age[i];
                double lnAlive = Math.log(aliveDenominator);
                if (x == 0) {
                    v0 -= r * lnAlive;
                    dr -= lnAlive;
                    dAlpha -= r / aliveDenominator;
                } else {
                    double rx = r + x;
                    double dropDenominator = alpha + recency[i];
                    double lnDrop = Math.log(dropDenominator);
                    double u = -rx * lnAlive;
                    double v = logDropWeight[group[i]] - rx * lnDrop;
                    double e = Math.exp(-Math.abs(u - v));
                    double w = v > u ? 1 / (1 + e) : e / (1 + e); // weight of the dropout term
                    v0 += Math.max(u, v) + Math.log1p(e);
                    dr -= (1 - w) * lnAlive + w * lnDrop;
                    dAlpha -= rx * ((1 - w) / aliveDenominator + w / dropDenominator);
                    pi += w;
                    piOverB += w / (b + x - 1);
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
}
