package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.MeanSummary;
import io.sentio.satisfaction.entity.NpsCounts;
import io.sentio.satisfaction.entity.Period;
import io.sentio.satisfaction.entity.TrendChange;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Changes of satisfaction metrics between consecutive periods with two-sided tests of "no change".
 * Periods with fewer than {@code smallSample} answers (default 30) are flagged, not dropped.
 * Stateless and thread-safe.
 */
public final class TrendAnalysis {

    /** Period granularity, with the label of the period containing a date. */
    public enum Granularity {
        WEEK, MONTH, QUARTER, YEAR;

        /** "2025-W09" (ISO week-based year), "2025-03", "2025-Q1", "2025". */
        public String label(LocalDate date) {
            return switch (this) {
                case WEEK -> String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
                case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
                case YEAR -> Integer.toString(date.getYear());
            };
        }

        public static Granularity parse(String s) {
            for (Granularity g : values()) {
                if (g.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return g;
                }
            }
            throw new InvalidModelException("period: expected week, month, quarter or year, got '" + s + "'");
        }
    }

    public static final int DEFAULT_SMALL_SAMPLE = 30;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final int smallSample;

    public TrendAnalysis() {
        this(DEFAULT_SMALL_SAMPLE);
    }

    public TrendAnalysis(int smallSample) {
        if (smallSample < 1) {
            throw new InvalidModelException("smallSample: must be positive");
        }
        this.smallSample = smallSample;
    }

    /**
     * NPS changes: z = (NPS₂ − NPS₁)/√(V₁ + V₂) with each V the multinomial variance of
     * {@link SatisfactionMetrics#nps} (independent samples, unpooled); p = 2(1 − Φ(|z|)).
     */
    public List<TrendChange> npsChanges(List<Period<NpsCounts>> periods) {
        return changes(periods, NpsCounts::total, (a, b) -> {
            double before = SatisfactionMetrics.nps(a).score();
            double after = SatisfactionMetrics.nps(b).score();
            double se = Math.sqrt(SatisfactionMetrics.npsVariance(a) + SatisfactionMetrics.npsVariance(b));
            return new double[] {before, after, zP(after - before, se)};
        }, "z (NPS, unpooled multinomial variance)");
    }

    /**
     * Mean changes by Welch's t-test (Welch 1947, Biometrika 34:28–35): t = (x̄₂ − x̄₁)/√(s₁²/n₁ + s₂²/n₂),
     * with Welch–Satterthwaite degrees of freedom
     * (s₁²/n₁ + s₂²/n₂)² / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)]. NaN p-value if a period has n &lt; 2.
     */
    public List<TrendChange> meanChanges(List<Period<MeanSummary>> periods) {
        return changes(periods, MeanSummary::n, (a, b) -> new double[] {a.mean(), b.mean(), welchP(a, b)}, "Welch t");
    }

    /**
     * Share changes by the pooled two-proportion z-test: p̂ = (x₁ + x₂)/(n₁ + n₂),
     * z = (p̂₂ − p̂₁)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)). Values are {successes, n} pairs.
     */
    public List<TrendChange> proportionChanges(List<Period<long[]>> periods) {
        return changes(periods, v -> v[1], (a, b) -> {
            double p1 = (double) a[0] / a[1];
            double p2 = (double) b[0] / b[1];
            double pooled = (double) (a[0] + b[0]) / (a[1] + b[1]);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a[1] + 1.0 / b[1]));
            return new double[] {p1, p2, zP(p2 - p1, se)};
        }, "z (two proportions, pooled)");
    }

    static double welchP(MeanSummary a, MeanSummary b) {
        if (a.n() < 2 || b.n() < 2) {
            return Double.NaN;
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double diff = b.mean() - a.mean();
        if (va + vb == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        double t = diff / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    private static double zP(double diff, double se) {
        if (se == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        return 2 * NORMAL.cumulativeProbability(-Math.abs(diff / se));
    }

    private interface Test<T> {
        double[] apply(T before, T after);
    }

    private <T> List<TrendChange> changes(List<Period<T>> periods, Function<T, Long> size, Test<T> test, String name) {
        var out = new ArrayList<TrendChange>();
        for (int i = 1; i < periods.size(); i++) {
            Period<T> a = periods.get(i - 1);
            Period<T> b = periods.get(i);
            long na = size.apply(a.value());
            long nb = size.apply(b.value());
            if (na == 0 || nb == 0) {
                out.add(new TrendChange(a.label(), b.label(), na, nb, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        false, true, name));
                continue;
            }
            double[] r = test.apply(a.value(), b.value());
            out.add(new TrendChange(a.label(), b.label(), na, nb, r[0], r[1], r[1] - r[0], r[2], r[2] < 0.05,
                    na < smallSample || nb < smallSample, name));
        }
        return out;
    }
}
