package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnReason;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.ExitAnswers;
import io.sentio.loyalty.entity.GroupChurnReasons;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks why customers churned, per calendar period (docs/loyalty.md). The churners of [s, e) are the customers
 * alive at s and not at e under the {@link ChurnRule} (as {@code churned} in {@link LoyaltySummarizer}); each
 * churned on a day c in [s, e) (inactivity: last purchase + N days; cancellation: the day of the cancellation).
 * A churner's reasons are
 * <ul>
 * <li>the categories of their interactions dated in [c &minus; N, c]: {@code type/outcome}, or {@code type} when
 * the interaction has no outcome (so an explicit cancellation counts with its outcome, e.g.
 * {@code cancellation/price});</li>
 * <li>their answers to the exit-survey item {@value ExitAnswers#ITEM} received in [c &minus; N, c + N] (an exit
 * survey is usually sent after the churn).</li>
 * </ul>
 * Each customer counts at most once per reason; share = customers giving the reason / churners, so shares need
 * not add up to 1. Ranked by customers, then source and reason. With a {@link Breakdown}, the same ranking per
 * group of churners, grouped exactly as the summary's breakdown groups them ({@link BreakdownGroups}): by profile
 * segment ({@link Breakdown#NONE} without one), by value tier at s (revenue in [s &minus; N, s) ranked among all
 * customers alive at s, not only the churners) or by every touchpoint used in [s &minus; N, s). Segment and tier
 * groups partition the churners, so their {@code churned}, {@code unexplained} and each reason's customers add up to
 * the period's; touchpoint groups overlap (a churner who used two touchpoints counts in both). Only groups with a
 * churner are listed. Cost: O(periods &times; customers &times; log purchases). Stateless and thread-safe.
 */
public final class ChurnReasonRanker {

    static final String INTERACTION = "interaction";
    static final String SURVEY = "survey";

    private ChurnReasonRanker() {
    }

    /**
     * @param by         the breakdown, or null for none
     * @param segments   profile segment by customer id for the breakdown by segment (customers without one are in
     *                   {@link Breakdown#NONE}); may be empty for other breakdowns
     * @param thresholds the value-tier cut points for the breakdown by tier
     */
    public static List<PeriodChurnReasons> rank(PurchaseHistory h, InteractionHistory interactions,
                                                ExitAnswers answers, LoyaltySummarizer.Granularity granularity,
                                                ChurnRule churn, Breakdown by, Map<String, String> segments,
                                                ValueTierThresholds thresholds) {
        if (h.size() == 0) {
            throw new InvalidLoyaltyDataException("there are no purchases to analyse");
        }
        BreakdownGroups groups = by == null ? null
                : new BreakdownGroups(by, h, interactions, segments, churn.days(), thresholds);
        List<LocalDate> boundaries = LoyaltySummarizer.boundaries(h, interactions, granularity);
        List<PeriodChurnReasons> out = new ArrayList<>();
        for (int k = 0; k + 1 < boundaries.size(); k++) {
            out.add(period(h, interactions, answers, granularity, churn, groups, boundaries.get(k),
                    boundaries.get(k + 1)));
        }
        return out;
    }

    /** A customer who churned in the period, with their reasons (source, reason). */
    private record Churner(int customer, Set<List<String>> reasons) {
    }

    private static PeriodChurnReasons period(PurchaseHistory h, InteractionHistory interactions, ExitAnswers answers,
                                             LoyaltySummarizer.Granularity granularity, ChurnRule churn,
                                             BreakdownGroups groups, LocalDate startDate, LocalDate endDate) {
        int s = Math.toIntExact(startDate.toEpochDay());
        int e = Math.toIntExact(endDate.toEpochDay());
        Tally total = new Tally();
        int[] alive = new int[h.customers()];   // every customer alive at s: the population tiers are ranked in
        int aliveCount = 0;
        List<Churner> churners = new ArrayList<>();
        for (int c = 0; c < h.customers(); c++) {
            int from = h.start(c);
            if (h.day(from) >= s) {
                continue;   // not acquired before s, so not alive at s
            }
            String id = h.customer(c);
            int beforeStart = LoyaltySummarizer.firstAtOrAfter(h, from, h.end(c), s);
            int beforeEnd = LoyaltySummarizer.firstAtOrAfter(h, beforeStart, h.end(c), e);
            int lastPurchase = h.day(beforeEnd - 1);
            int lastCancellation = interactions.lastCancellationBefore(id, e);
            if (!churn.aliveAt(s, h.day(beforeStart - 1), interactions.lastCancellationBefore(id, s))) {
                continue;
            }
            alive[aliveCount++] = c;
            if (churn.aliveAt(e, lastPurchase, lastCancellation)) {
                continue;
            }
            int day = churn.churnDay(lastPurchase, lastCancellation);
            Set<List<String>> reasons = new HashSet<>();
            interactions.between(id, day - churn.days(), day + 1).forEach(i -> reasons.add(List.of(INTERACTION,
                    i.outcome() == null ? i.type() : i.type() + "/" + i.outcome())));
            answers.between(id, day - churn.days(), day + churn.days())
                    .forEach(a -> reasons.add(List.of(SURVEY, a.reason())));
            total.add(reasons);
            churners.add(new Churner(c, reasons));
        }
        Map<String, GroupChurnReasons> breakdown = null;
        if (groups != null) {
            BreakdownGroups.AtStart at = groups.at(s, Arrays.copyOf(alive, aliveCount));
            Map<String, Tally> tallies = new TreeMap<>();
            for (Churner churner : churners) {
                for (String group : at.of(churner.customer())) {
                    tallies.computeIfAbsent(group, k -> new Tally()).add(churner.reasons());
                }
            }
            breakdown = new TreeMap<>();
            for (Map.Entry<String, Tally> group : tallies.entrySet()) {
                Tally t = group.getValue();
                breakdown.put(group.getKey(), new GroupChurnReasons(t.churned, t.unexplained, t.ranked()));
            }
        }
        return new PeriodChurnReasons(LoyaltySummarizer.name(startDate, granularity), startDate, endDate,
                LoyaltySummarizer.complete(startDate, endDate, granularity), total.churned, total.unexplained,
                total.ranked(), breakdown);
    }

    /** Churners, unexplained churners and customers per (source, reason) of one period or group. */
    private static final class Tally {
        long churned;
        long unexplained;
        final Map<List<String>, Long> counts = new HashMap<>();

        void add(Set<List<String>> reasons) {
            churned++;
            if (reasons.isEmpty()) {
                unexplained++;
            }
            reasons.forEach(r -> counts.merge(r, 1L, Long::sum));
        }

        List<ChurnReason> ranked() {
            return counts.entrySet().stream()
                    .map(r -> new ChurnReason(r.getKey().get(0), r.getKey().get(1), r.getValue(),
                            (double) r.getValue() / churned))
                    .sorted(Comparator.comparingLong(ChurnReason::customers).reversed()
                            .thenComparing(ChurnReason::source).thenComparing(ChurnReason::reason))
                    .toList();
        }
    }
}
