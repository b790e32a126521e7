package io.sentio.satisfaction.entity;

/**
 * Sufficient statistics of a mean: n, Σx, Σx². Mergeable ({@link #plus}). The variance is computed
 * as (Σx² − (Σx)²/n)/(n − 1), adequate for bounded rating scales (values ≤ 10, so no catastrophic
 * cancellation at realistic n); use {@link IndicatorMoments} for unbounded data.
 */
public record MeanSummary(long n, double sum, double sumOfSquares) {

    public MeanSummary {
        if (n < 0 || !Double.isFinite(sum) || !Double.isFinite(sumOfSquares) || sumOfSquares < 0) {
            throw new InvalidModelException("summary: need n >= 0 and finite sums, got n=" + n);
        }
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample variance (n − 1 denominator); NaN for n &lt; 2. */
    public double variance() {
        return n < 2 ? Double.NaN : Math.max(0.0, (sumOfSquares - sum * sum / n) / (n - 1));
    }

    public MeanSummary plus(MeanSummary o) {
        return new MeanSummary(n + o.n, sum + o.sum, sumOfSquares + o.sumOfSquares);
    }
}
