package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.CsatScore;
import io.sentio.satisfaction.entity.Interval;
import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.MeanEstimate;
import io.sentio.satisfaction.entity.MeanSummary;
import io.sentio.satisfaction.entity.NpsCounts;
import io.sentio.satisfaction.entity.NpsScore;
import io.sentio.satisfaction.entity.PlsResult;
import io.sentio.satisfaction.entity.Proportion;
import io.sentio.satisfaction.entity.RatingCounts;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Everyday satisfaction metrics with 95% intervals, from counts and sums only (so they run on
 * stored per-day aggregates). Stateless and thread-safe.
 */
public final class SatisfactionMetrics {

    /** Standard normal 97.5% quantile. */
    static final double Z95 = 1.959963984540054;

    private SatisfactionMetrics() {
    }

    /**
     * Net promoter score 100·(p_P − p_D) (Reichheld 2003, "The one number you need to grow", HBR).
     * Its variance follows from the multinomial covariance of the two shares,
     * Var(p̂_P − p̂_D) = [p_P(1 − p_P) + p_D(1 − p_D) + 2 p_P p_D]/n = [p_P + p_D − (p_P − p_D)²]/n,
     * giving the Wald interval NPS ± 1.96·100·√Var, clipped to [−100, 100].
     */
    public static NpsScore nps(NpsCounts c) {
        long n = c.total();
        if (n == 0) {
            throw new InvalidModelException("nps: no answers");
        }
        double pp = (double) c.promoters() / n;
        double pd = (double) c.detractors() / n;
        double score = 100 * (pp - pd);
        double se = 100 * Math.sqrt(Math.max(0, pp + pd - (pp - pd) * (pp - pd)) / n);
        var ci = new Interval(Math.max(-100, score - Z95 * se), Math.min(100, score + Z95 * se));
        return new NpsScore(score, ci, c.promoters(), c.passives(), c.detractors());
    }

    /** Variance of the NPS estimate on the −100..100 scale (see {@link #nps}). */
    static double npsVariance(NpsCounts c) {
        long n = c.total();
        double pp = (double) c.promoters() / n;
        double pd = (double) c.detractors() / n;
        return 1e4 * Math.max(0, pp + pd - (pp - pd) * (pp - pd)) / n;
    }

    /** NPS of 0–10 ratings. */
    public static NpsScore nps(RatingCounts ratings) {
        return nps(NpsCounts.of(ratings));
    }

    /**
     * Mean with the Student-t interval mean ± t_{0.975, n−1}·s/√n (Student 1908). Null interval for
     * n &lt; 2.
     */
    public static MeanEstimate mean(MeanSummary s) {
        if (s.n() == 0) {
            throw new InvalidModelException("mean: no answers");
        }
        double mean = s.mean();
        if (s.n() < 2) {
            return new MeanEstimate(s.n(), mean, Double.NaN, null);
        }
        double sd = Math.sqrt(s.variance());
        double half = new TDistribution(null, s.n() - 1.0).inverseCumulativeProbability(0.975) * sd / Math.sqrt(s.n());
        return new MeanEstimate(s.n(), mean, sd, new Interval(mean - half, mean + half));
    }

    /**
     * Share with the Wilson score interval (Wilson 1927, JASA 22:209–212):
     * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), which stays inside [0, 1] and behaves at
     * small n and extreme shares, unlike the Wald interval.
     */
    public static Proportion proportion(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new InvalidModelException("proportion: need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Proportion(successes, n, p, new Interval(Math.max(0, centre - half), Math.min(1, centre + half)));
    }

    /** CSAT: mean rating (t interval) and top-two-box share (Wilson interval). */
    public static CsatScore csat(RatingCounts ratings) {
        long n = ratings.total();
        return new CsatScore(mean(ratings.summary()), proportion(ratings.between(ratings.max() - 1, ratings.max()), n));
    }

    /** Customer effort score: the mean effort rating with its t interval (Dixon, Freeman &amp; Toman 2010, HBR). */
    public static MeanEstimate ces(RatingCounts ratings) {
        return mean(ratings.summary());
    }

    /**
     * Expectation gap: perceived quality index − expectation index (both 0–100), positive when the
     * experience beats expectations. With bootstrap intervals on both, the gap's interval is not their
     * difference; use a bootstrap of the gap itself for that.
     */
    public static double expectationGap(PlsResult result, String quality, String expectation) {
        Double q = result.indexes().get(quality);
        Double e = result.indexes().get(expectation);
        if (q == null || e == null) {
            throw new InvalidModelException("expectation gap: constructs '" + quality + "' and '" + expectation
                    + "' must both be in the model");
        }
        return q - e;
    }
}
