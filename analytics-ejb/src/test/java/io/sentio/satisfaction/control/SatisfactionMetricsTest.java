package io.sentio.satisfaction.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.MeanSummary;
import io.sentio.satisfaction.entity.NpsCounts;
import io.sentio.satisfaction.entity.Period;
import io.sentio.satisfaction.entity.RatingCounts;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class SatisfactionMetricsTest {

    @Test
    void npsWithHandDerivedInterval() {
        // 50 promoters, 30 passives, 20 detractors: NPS = 30; Var = (0.5 + 0.2 − 0.3²)/100 = 0.0061;
        // SE = 100·√0.0061 = 7.81025; half-width 1.95996·7.81025 = 15.30781.
        var s = SatisfactionMetrics.nps(new NpsCounts(50, 30, 20));
        assertThat(s.score()).isCloseTo(30.0, within(1e-12));
        assertThat(s.ci95().lower()).isCloseTo(14.69219, within(1e-4));
        assertThat(s.ci95().upper()).isCloseTo(45.30781, within(1e-4));
        int[] answers = {10, 9, 9, 8, 7, 6, 0, 3, 10, 10};
        var fromRatings = SatisfactionMetrics.nps(RatingCounts.of(0, 10, answers));
        assertThat(fromRatings.promoters()).isEqualTo(5);
        assertThat(fromRatings.passives()).isEqualTo(2);
        assertThat(fromRatings.detractors()).isEqualTo(3);
        assertThat(fromRatings.score()).isCloseTo(20.0, within(1e-12));
        assertThatThrownBy(() -> SatisfactionMetrics.nps(new NpsCounts(0, 0, 0))).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void csatTopTwoBoxUsesTheWilsonInterval() {
        // 8 of 10 in the top two boxes: Wilson 95% interval [0.4902, 0.9433] (Newcombe 1998, Stat. Med. 17:857).
        var ratings = RatingCounts.of(1, 5, 5, 5, 4, 4, 5, 4, 4, 5, 2, 3);
        var csat = SatisfactionMetrics.csat(ratings);
        assertThat(csat.topTwoBox().share()).isCloseTo(0.8, within(1e-12));
        assertThat(csat.topTwoBox().ci95().lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(csat.topTwoBox().ci95().upper()).isCloseTo(0.9433, within(1e-4));
        assertThat(csat.mean().mean()).isCloseTo(4.1, within(1e-12));
    }

    @Test
    void cesMeanIntervalIsTheStudentInterval() {
        // Ratings 2,3,3,4,5,5,6,7: mean 4.375, s = 1.685018, t(0.975, 7) = 2.364624.
        var ces = SatisfactionMetrics.ces(RatingCounts.of(1, 7, 2, 3, 3, 4, 5, 5, 6, 7));
        double half = 2.364624 * 1.685018 / Math.sqrt(8);
        assertThat(ces.mean()).isCloseTo(4.375, within(1e-12));
        assertThat(ces.sd()).isCloseTo(1.685018, within(1e-6));
        assertThat(ces.ci95().lower()).isCloseTo(4.375 - half, within(1e-5));
        assertThat(ces.ci95().upper()).isCloseTo(4.375 + half, within(1e-5));
    }

    @Test
    void welchChangeMatchesCommonsMathTTest() {
        double[] a = {7, 8, 6, 9, 7, 8, 8, 7, 6, 9, 8, 7};
        double[] b = {8, 9, 9, 10, 8, 9, 7, 10, 9, 9, 10, 8, 9, 9};
        var changes = new TrendAnalysis().meanChanges(List.of(new Period<>("2025-01", summary(a)),
                new Period<>("2025-02", summary(b))));
        assertThat(changes).hasSize(1);
        var c = changes.get(0);
        assertThat(c.pValue()).isCloseTo(new TTest().tTest(a, b), within(1e-10));
        assertThat(c.smallSample()).isTrue();
        assertThat(c.change()).isCloseTo(c.after() - c.before(), within(1e-12));
    }

    static MeanSummary summary(double[] x) {
        double s = 0;
        double q = 0;
        for (double v : x) {
            s += v;
            q += v * v;
        }
        return new MeanSummary(x.length, s, q);
    }

    @Test
    void proportionAndNpsChangesWithHandDerivedPValues() {
        // 45/100 → 60/100: pooled 0.525, SE = √(0.525·0.475·0.02) = 0.070622, z = 2.1240, p = 0.03367.
        var t = new TrendAnalysis();
        var p = t.proportionChanges(List.of(new Period<>("Q1", new long[] {45, 100}), new Period<>("Q2", new long[] {60, 100})));
        assertThat(p.get(0).pValue()).isCloseTo(0.03367, within(2e-4));
        assertThat(p.get(0).significant()).isTrue();
        assertThat(p.get(0).smallSample()).isFalse();
        // NPS 30 (50/30/20) → 10 (40/30/30): V₁ = 61.0, V₂ = (0.7 − 0.01)·100 = 69.0; z = −20/√130 = −1.7541, p = 0.07941.
        var n = t.npsChanges(List.of(new Period<>("W1", new NpsCounts(50, 30, 20)), new Period<>("W2", new NpsCounts(40, 30, 30))));
        assertThat(n.get(0).change()).isCloseTo(-20.0, within(1e-9));
        assertThat(n.get(0).pValue()).isCloseTo(0.07941, within(2e-4));
        assertThat(n.get(0).significant()).isFalse();
    }

    @Test
    void periodLabels() {
        var d = LocalDate.of(2025, 1, 1); // ISO week 1 of 2025
        assertThat(TrendAnalysis.Granularity.WEEK.label(d)).isEqualTo("2025-W01");
        assertThat(TrendAnalysis.Granularity.WEEK.label(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(TrendAnalysis.Granularity.MONTH.label(d)).isEqualTo("2025-01");
        assertThat(TrendAnalysis.Granularity.QUARTER.label(LocalDate.of(2025, 8, 3))).isEqualTo("2025-Q3");
        assertThat(TrendAnalysis.Granularity.parse("Month")).isEqualTo(TrendAnalysis.Granularity.MONTH);
    }
}
