package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.SatisfactionBehaviour;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SatisfactionBehaviourAnalysisTest {

    private static final ChurnRule INACTIVITY_60 = new ChurnRule(ChurnRule.Definition.INACTIVITY, 60);

    private static int day(String date) {
        return Math.toIntExact(LocalDate.parse(date).toEpochDay());
    }

    /** Wilson (1927) bounds written out independently of the code under test. */
    private static double[] wilson(double k, double n) {
        double z = 1.959963984540054;
        double p = k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        return new double[]{centre - half, centre + half};
    }

    /**
     * Everyone buys on Jan 5 and answers NPS on Jan 10; 90-day window Jan 11 – Apr 10. Promoters p0-p9: p0-p7 buy
     * 100 on Mar 1 (so are alive on Apr 11 with a 60-day window). Detractors d0-d9: d0-d2 buy 50 on Mar 1. One
     * passive buys nothing more. One promoter answers on May 1: the data end on Jun 2, so their window is censored.
     */
    @Test
    void ratesMeansAndIntervalsFollowTheDefinitions() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        Map<String, int[]> nps = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            h.accept("d" + i, day("2025-01-05"), 10, null);
            if (i < 3) {
                h.accept("d" + i, day("2025-03-01"), 50, null);
            }
            nps.put("d" + i, new int[]{day("2025-01-10"), i % 7});
        }
        for (int i = 0; i < 10; i++) {
            h.accept("p" + i, day("2025-01-05"), 10, null);
            if (i < 8) {
                h.accept("p" + i, day("2025-03-01"), 100, null);
            }
            nps.put("p" + i, new int[]{day("2025-01-10"), 9 + i % 2});
        }
        h.accept("q", day("2025-01-05"), 10, null);
        nps.put("q", new int[]{day("2025-01-10"), 8});
        h.accept("z", day("2025-06-01"), 10, null);
        nps.put("z", new int[]{day("2025-05-01"), 10});

        SatisfactionBehaviour result = SatisfactionBehaviourAnalysis.analyse(h.build(), InteractionHistory.empty(),
                nps, INACTIVITY_60, 90);
        assertThat(result.respondents()).isEqualTo(22);
        assertThat(result.censored()).isEqualTo(1);
        var promoters = result.groups().get("promoter");
        assertThat(promoters.respondents()).isEqualTo(10);
        assertThat(promoters.repeatPurchase().share()).isEqualTo(0.8);
        assertThat(promoters.retention().share()).isEqualTo(0.8);
        double[] w = wilson(8, 10);
        assertThat(promoters.repeatPurchase().ci95().lower()).isCloseTo(w[0], within(1e-9));
        assertThat(promoters.repeatPurchase().ci95().upper()).isCloseTo(w[1], within(1e-9));
        assertThat(promoters.spend().mean()).isCloseTo(80.0, within(1e-12));
        double sd = Math.sqrt((8 * 20.0 * 20 + 2 * 80.0 * 80) / 9);
        assertThat(promoters.spend().sd()).isCloseTo(sd, within(1e-9));
        double half = new TDistribution(9).inverseCumulativeProbability(0.975) * sd / Math.sqrt(10);
        assertThat(promoters.spend().ci95().upper()).isCloseTo(80 + half, within(1e-9));

        var detractors = result.groups().get("detractor");
        assertThat(detractors.repeatPurchase().share()).isEqualTo(0.3);
        assertThat(detractors.spend().mean()).isCloseTo(15.0, within(1e-12));
        var passives = result.groups().get("passive");
        assertThat(passives.respondents()).isEqualTo(1);
        assertThat(passives.retention().share()).isZero();   // alive on Jan 11, silent since Jan 5 on Apr 11
        assertThat(passives.spend().sd()).isNull();
        assertThat(passives.spend().ci95()).isNull();
    }

    /**
     * Simulated truth: after answering, a promoter buys again with probability 0.7 and then spends U(0, 200), so
     * the expected spend is 70; a detractor with probability 0.3 (expected spend 30). The 95% intervals of a seeded
     * sample of 400 each cover the truth and separate the two groups.
     */
    @Test
    void intervalsCoverTheSimulatedTruth() {
        SplittableRandom random = new SplittableRandom(2003);
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        Map<String, int[]> nps = new HashMap<>();
        for (int i = 0; i < 800; i++) {
            boolean promoter = i % 2 == 0;
            String id = String.format("c%04d", i);
            h.accept(id, day("2025-01-05"), 10, null);
            if (random.nextDouble() < (promoter ? 0.7 : 0.3)) {
                h.accept(id, day("2025-02-15"), 200 * random.nextDouble(), null);
            }
            nps.put(id, new int[]{day("2025-01-10"), promoter ? 10 : 3});
        }
        h.accept("last", day("2025-12-31"), 1, null);
        SatisfactionBehaviour result = SatisfactionBehaviourAnalysis.analyse(h.build(), InteractionHistory.empty(),
                nps, INACTIVITY_60, 90);
        var promoters = result.groups().get("promoter");
        var detractors = result.groups().get("detractor");
        assertThat(promoters.repeatPurchase().ci95().lower()).isLessThan(0.7);
        assertThat(promoters.repeatPurchase().ci95().upper()).isGreaterThan(0.7);
        assertThat(detractors.repeatPurchase().ci95().lower()).isLessThan(0.3);
        assertThat(detractors.repeatPurchase().ci95().upper()).isGreaterThan(0.3);
        assertThat(promoters.spend().ci95().lower()).isLessThan(70);
        assertThat(promoters.spend().ci95().upper()).isGreaterThan(70);
        assertThat(detractors.spend().ci95().lower()).isLessThan(30);
        assertThat(detractors.spend().ci95().upper()).isGreaterThan(30);
        assertThat(detractors.spend().ci95().upper()).isLessThan(promoters.spend().ci95().lower());
    }
}
