package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.SatisfactionBehaviour;
import io.sentio.loyalty.entity.SatisfactionBehaviour.Group;
import io.sentio.loyalty.entity.SatisfactionBehaviour.MeanSpend;
import io.sentio.satisfaction.control.SatisfactionMetrics;
import io.sentio.satisfaction.entity.Interval;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Satisfaction &harr; behaviour: for customers with a linked NPS answer, retention, repeat purchase and spend in the
 * {@code days} after it, by NPS category (promoter 9&ndash;10, passive 7&ndash;8, detractor 0&ndash;6; Reichheld
 * 2003). Definitions (docs/loyalty.md), with t0 = the day of the customer's first NPS answer and the window
 * W = [t0 + 1, t0 + days]:
 * <ul>
 * <li>respondents with a complete window: t0 + days &lt; the day after the last stored purchase (the end of the
 * data); the others are censored and left out;</li>
 * <li>repeat purchase: a purchase on a day in W; share with the Wilson score interval (Wilson 1927);</li>
 * <li>spend: Σ amounts in W per respondent (0 without purchases); mean with the Student t interval
 * mean &plusmn; t<sub>0.975, n&minus;1</sub> s/&radic;n (two-pass variance);</li>
 * <li>retention: of the respondents alive (per the {@link ChurnRule}) on day t0 + 1, the share still alive on
 * day t0 + days + 1; Wilson interval.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class SatisfactionBehaviourAnalysis {

    private SatisfactionBehaviourAnalysis() {
    }

    /**
     * @param firstNps each customer's first NPS answer: customer id &rarr; {epoch day received, score 0..10}
     */
    public static SatisfactionBehaviour analyse(PurchaseHistory h, InteractionHistory interactions,
                                                Map<String, int[]> firstNps, ChurnRule churn, int days) {
        Map<String, Integer> index = new HashMap<>();
        int end = Integer.MIN_VALUE;
        for (int c = 0; c < h.customers(); c++) {
            index.put(h.customer(c), c);
            end = Math.max(end, h.day(h.end(c) - 1) + 1);
        }
        Map<String, List<double[]>> byCategory = new LinkedHashMap<>();
        for (String category : List.of("promoter", "passive", "detractor")) {
            byCategory.put(category, new ArrayList<>());
        }
        long censored = 0;
        for (Map.Entry<String, int[]> answer : firstNps.entrySet()) {
            int t0 = answer.getValue()[0];
            int score = answer.getValue()[1];
            if (t0 + days >= end) {
                censored++;
                continue;
            }
            Integer c = index.get(answer.getKey());
            double spend = 0;
            boolean repeat = false;
            boolean aliveAtStart = false;
            boolean aliveAtEnd = false;
            if (c != null) {
                int from = h.start(c);
                int first = LoyaltySummarizer.firstAtOrAfter(h, from, h.end(c), t0 + 1);
                int last = LoyaltySummarizer.firstAtOrAfter(h, first, h.end(c), t0 + days + 1);
                for (int i = first; i < last; i++) {
                    spend += h.amount(i);
                }
                repeat = last > first;
                aliveAtStart = churn.aliveAt(t0 + 1, first > from ? h.day(first - 1) : ChurnRule.NONE,
                        interactions.lastCancellationBefore(answer.getKey(), t0 + 1));
                aliveAtEnd = churn.aliveAt(t0 + days + 1, last > from ? h.day(last - 1) : ChurnRule.NONE,
                        interactions.lastCancellationBefore(answer.getKey(), t0 + days + 1));
            }
            String category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
            byCategory.get(category).add(new double[]{spend, repeat ? 1 : 0, aliveAtStart ? 1 : 0,
                    aliveAtStart && aliveAtEnd ? 1 : 0});
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        byCategory.forEach((category, rows) -> groups.put(category, group(rows)));
        return new SatisfactionBehaviour(days, churn.days(), churn.definition().wire(), firstNps.size(), censored,
                groups);
    }

    private static Group group(List<double[]> rows) {
        int n = rows.size();
        if (n == 0) {
            return new Group(0, null, null, null);
        }
        long repeats = rows.stream().filter(r -> r[1] == 1).count();
        long alive = rows.stream().filter(r -> r[2] == 1).count();
        long retained = rows.stream().filter(r -> r[3] == 1).count();
        return new Group(n, alive == 0 ? null : SatisfactionMetrics.proportion(retained, alive),
                SatisfactionMetrics.proportion(repeats, n), meanSpend(rows.stream().mapToDouble(r -> r[0]).toArray()));
    }

    /** Mean with the Student t interval (Student 1908); two-pass variance, since spend is unbounded. */
    static MeanSpend meanSpend(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new MeanSpend(n, mean, null, null);
        }
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = new TDistribution(null, n - 1.0).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new MeanSpend(n, mean, sd, new Interval(mean - half, mean + half));
    }
}
