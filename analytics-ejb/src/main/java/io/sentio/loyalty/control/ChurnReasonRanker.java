package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.ChurnReason;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.ExitAnswers;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PurchaseHistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * not add up to 1. Ranked by customers, then source and reason. Cost: O(periods &times; customers &times;
 * log purchases). Stateless and thread-safe.
 */
public final class ChurnReasonRanker {

    static final String INTERACTION = "interaction";
    static final String SURVEY = "survey";

    private ChurnReasonRanker() {
    }

    public static List<PeriodChurnReasons> rank(PurchaseHistory h, InteractionHistory interactions,
                                                ExitAnswers answers, LoyaltySummarizer.Granularity granularity,
                                                ChurnRule churn) {
        if (h.size() == 0) {
            throw new InvalidLoyaltyDataException("there are no purchases to analyse");
        }
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int c = 0; c < h.customers(); c++) {
            firstDay = Math.min(firstDay, h.day(h.start(c)));
            lastDay = Math.max(lastDay, h.day(h.end(c) - 1));
        }
        List<PeriodChurnReasons> out = new ArrayList<>();
        for (LocalDate start = LoyaltySummarizer.periodStart(LocalDate.ofEpochDay(firstDay), granularity);
             start.toEpochDay() <= lastDay; start = LoyaltySummarizer.next(start, granularity)) {
            out.add(period(h, interactions, answers, granularity, churn, start,
                    LoyaltySummarizer.next(start, granularity)));
        }
        return out;
    }

    private static PeriodChurnReasons period(PurchaseHistory h, InteractionHistory interactions, ExitAnswers answers,
                                             LoyaltySummarizer.Granularity granularity, ChurnRule churn,
                                             LocalDate startDate, LocalDate endDate) {
        int s = Math.toIntExact(startDate.toEpochDay());
        int e = Math.toIntExact(endDate.toEpochDay());
        long churned = 0;
        long unexplained = 0;
        Map<List<String>, Long> counts = new HashMap<>();
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
            if (!churn.aliveAt(s, h.day(beforeStart - 1), interactions.lastCancellationBefore(id, s))
                    || churn.aliveAt(e, lastPurchase, lastCancellation)) {
                continue;
            }
            churned++;
            int day = churn.churnDay(lastPurchase, lastCancellation);
            Set<List<String>> reasons = new HashSet<>();
            interactions.between(id, day - churn.days(), day + 1).forEach(i -> reasons.add(List.of(INTERACTION,
                    i.outcome() == null ? i.type() : i.type() + "/" + i.outcome())));
            answers.between(id, day - churn.days(), day + churn.days())
                    .forEach(a -> reasons.add(List.of(SURVEY, a.reason())));
            if (reasons.isEmpty()) {
                unexplained++;
            }
            reasons.forEach(r -> counts.merge(r, 1L, Long::sum));
        }
        long total = churned;
        List<ChurnReason> ranked = counts.entrySet().stream()
                .map(r -> new ChurnReason(r.getKey().get(0), r.getKey().get(1), r.getValue(),
                        (double) r.getValue() / total))
                .sorted(Comparator.comparingLong(ChurnReason::customers).reversed()
                        .thenComparing(ChurnReason::source).thenComparing(ChurnReason::reason))
                .toList();
        return new PeriodChurnReasons(LoyaltySummarizer.name(startDate, granularity), startDate, endDate, churned,
                unexplained, ranked);
    }
}
