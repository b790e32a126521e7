package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnReason;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.ExitAnswers;
import io.sentio.loyalty.entity.GroupChurnReasons;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ChurnReasonRankerTest {

    private static final LoyaltySummarizer.Granularity MONTH = LoyaltySummarizer.Granularity.MONTH;

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static PeriodChurnReasons month(List<PeriodChurnReasons> months, String name) {
        return months.stream().filter(p -> p.period().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Four customers buy on Jan 5 only: with a 30-day window they churn on Feb 4, and reasons count from Jan 5 to
     * Feb 4 (interactions) or Mar 6 (exit answers). p1: a late-delivery complaint and an exit answer "price"; p2:
     * two late-delivery complaints (one reason); p3: a question in December and an exit answer in June, both
     * outside; p4: an exit answer "price". r buys again on Feb 6 and churns on Mar 8 with nothing in its window.
     */
    @Test
    void reasonsInTheWindowAreCountedOncePerCustomerAndRanked() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        for (String id : List.of("p1", "p2", "p3", "p4")) {
            h.accept(id, day("2025-01-05"), 10, null);
        }
        h.accept("r", day("2025-01-05"), 10, null);
        h.accept("r", day("2025-02-06"), 10, null);
        h.accept("s", day("2025-04-15"), 10, null);   // periods run to the last purchase: a newcomer in April
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("p1", day("2025-01-20"), "support", "complaint", "late-delivery");
        interactions.accept("p2", day("2025-01-25"), "support", "complaint", "late-delivery");
        interactions.accept("p2", day("2025-01-26"), "support", "complaint", "late-delivery");
        interactions.accept("p3", day("2024-12-01"), "support", "question", null);
        interactions.accept("r", day("2025-01-20"), "support", "complaint", "late-delivery");
        ExitAnswers.Builder answers = new ExitAnswers.Builder();
        answers.accept("p1", day("2025-02-20"), "price");
        answers.accept("p3", day("2025-06-01"), "price");
        answers.accept("p4", day("2025-02-10"), "price");
        answers.accept("p4", day("2025-02-11"), " ");

        List<PeriodChurnReasons> months = ChurnReasonRanker.rank(h.build(), interactions.build(), answers.build(),
                MONTH, new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), null, Map.of(), ValueTierThresholds.DEFAULT);
        PeriodChurnReasons feb = month(months, "2025-02");
        assertThat(feb.churned()).isEqualTo(4);
        assertThat(feb.unexplained()).isEqualTo(1);
        assertThat(feb.reasons()).extracting(ChurnReason::source, ChurnReason::reason, ChurnReason::customers,
                ChurnReason::share).containsExactly(
                tuple("interaction", "complaint/late-delivery", 2L, 0.5),
                tuple("survey", "price", 2L, 0.5));
        PeriodChurnReasons mar = month(months, "2025-03");
        assertThat(mar.churned()).isEqualTo(1);
        assertThat(mar.unexplained()).isEqualTo(1);
        assertThat(mar.reasons()).isEmpty();
        assertThat(month(months, "2025-01").churned()).isZero();
    }

    /** x cancels on Feb 10 (outcome price) after a complaint on Jan 15; a complaint on Jan 1 is outside the window. */
    @Test
    void anExplicitCancellationCountsWithItsOutcome() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        h.accept("x", day("2024-12-20"), 10, null);
        h.accept("x", day("2025-01-05"), 10, null);
        h.accept("y", day("2025-03-01"), 10, null);   // periods run to the last purchase: a newcomer in March
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("x", day("2025-01-01"), "support", "complaint", "rude");
        interactions.accept("x", day("2025-01-15"), "support", "complaint", null);
        interactions.accept("x", day("2025-02-10"), "phone", "cancellation", "price");
        List<PeriodChurnReasons> months = ChurnReasonRanker.rank(h.build(), interactions.build(),
                new ExitAnswers.Builder().build(), MONTH, new ChurnRule(ChurnRule.Definition.CANCELLATION, 30),
                null, Map.of(), ValueTierThresholds.DEFAULT);
        PeriodChurnReasons feb = month(months, "2025-02");
        assertThat(feb.churned()).isEqualTo(1);
        assertThat(feb.reasons()).extracting(ChurnReason::reason)
                .containsExactlyInAnyOrder("cancellation/price", "complaint");
    }

    /** On random data, the churners counted here are exactly the summary's churned customers, under both rules. */
    @Test
    void churnersAreTheSummarysChurnedCustomers() {
        SplittableRandom random = new SplittableRandom(42);
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        for (int c = 0; c < 300; c++) {
            String id = String.format("c%03d", c);
            long d = day("2024-01-01") + random.nextInt(300);
            for (int k = random.nextInt(8); k >= 0; k--) {
                h.accept(id, d, 1 + random.nextInt(50), null);
                if (random.nextInt(4) == 0) {
                    interactions.accept(id, d + random.nextInt(40), "support",
                            random.nextBoolean() ? "cancellation" : "complaint", null);
                }
                d += 1 + random.nextInt(90);
            }
        }
        PurchaseHistory history = h.build();
        InteractionHistory built = interactions.build();
        for (ChurnRule.Definition definition : ChurnRule.Definition.values()) {
            ChurnRule rule = new ChurnRule(definition, 60);
            List<PeriodChurnReasons> reasons = ChurnReasonRanker.rank(history, built, new ExitAnswers.Builder().build(),
                    LoyaltySummarizer.Granularity.QUARTER, rule, null, Map.of(), ValueTierThresholds.DEFAULT);
            List<PeriodSummary> summary = LoyaltySummarizer.summarize(history, built, Map.of(),
                    LoyaltySummarizer.Granularity.QUARTER, rule, null, 52, 0, ValueTierThresholds.DEFAULT);
            assertThat(reasons).extracting(PeriodChurnReasons::period)
                    .containsExactlyElementsOf(summary.stream().map(PeriodSummary::period).toList());
            assertThat(reasons).extracting(PeriodChurnReasons::churned)
                    .containsExactlyElementsOf(summary.stream().map(PeriodSummary::churned).toList());
            assertThat(summary.stream().mapToLong(PeriodSummary::churned).sum()).as(definition.wire()).isPositive();
        }
    }
    /**
     * Twelve customers buy on Jan 5 only and churn on Feb 4 (30-day window): 6 gold (g0-g2 complained about late
     * delivery in January, g0 also answered "price" in the exit survey), 4 basic (b0 answered "price") and 2 without
     * a segment (u0 complained). A newcomer in March extends the periods.
     */
    @Test
    void reasonsPerSegmentAreRankedWithinEachSegment() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        ExitAnswers.Builder answers = new ExitAnswers.Builder();
        Map<String, String> segments = new HashMap<>();
        for (String id : List.of("b0", "b1", "b2", "b3", "g0", "g1", "g2", "g3", "g4", "g5", "u0", "u1")) {
            h.accept(id, day("2025-01-05"), 10, null);
            if (!id.startsWith("u")) {
                segments.put(id, id.startsWith("g") ? "gold" : "basic");
            }
        }
        h.accept("new", day("2025-03-01"), 10, null);
        for (String id : List.of("g0", "g1", "g2", "u0")) {
            interactions.accept(id, day("2025-01-20"), "support", "complaint", "late-delivery");
        }
        answers.accept("g0", day("2025-02-10"), "price");
        answers.accept("b0", day("2025-02-10"), "price");

        PeriodChurnReasons feb = month(ChurnReasonRanker.rank(h.build(), interactions.build(), answers.build(),
                MONTH, new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), Breakdown.SEGMENT, segments,
                ValueTierThresholds.DEFAULT), "2025-02");
        assertThat(feb.churned()).isEqualTo(12);
        assertThat(feb.unexplained()).isEqualTo(7);
        assertThat(feb.breakdown()).containsOnlyKeys("gold", "basic", Breakdown.NONE);
        GroupChurnReasons gold = feb.breakdown().get("gold");
        assertThat(gold.churned()).isEqualTo(6);
        assertThat(gold.unexplained()).isEqualTo(3);
        assertThat(gold.reasons()).extracting(ChurnReason::source, ChurnReason::reason, ChurnReason::customers,
                ChurnReason::share).containsExactly(
                tuple("interaction", "complaint/late-delivery", 3L, 0.5),
                tuple("survey", "price", 1L, 1.0 / 6));
        GroupChurnReasons basic = feb.breakdown().get("basic");
        assertThat(basic.churned()).isEqualTo(4);
        assertThat(basic.unexplained()).isEqualTo(3);
        assertThat(basic.reasons()).extracting(ChurnReason::reason, ChurnReason::share)
                .containsExactly(tuple("price", 0.25));
        assertThat(feb.breakdown().get(Breakdown.NONE).reasons()).extracting(ChurnReason::reason, ChurnReason::share)
                .containsExactly(tuple("complaint/late-delivery", 0.5));
        // January has no churners, so no groups; without segments there is no breakdown
        assertThat(month(ChurnReasonRanker.rank(h.build(), interactions.build(), answers.build(), MONTH,
                new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), Breakdown.SEGMENT, segments,
                ValueTierThresholds.DEFAULT), "2025-01").breakdown()).isEmpty();
        assertThat(month(ChurnReasonRanker.rank(h.build(), interactions.build(), answers.build(), MONTH,
                new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), null, Map.of(), ValueTierThresholds.DEFAULT),
                "2025-02").breakdown()).isNull();
    }

    /**
     * Tiers at Feb 1 by January revenue (30-day window [Jan 2, Feb 1)), total 1,000, with the default cut points
     * 50/80/95%: big (600, nobody above: A+), mid (200, 60% above: A), mid2 (150, 80% above: B), small1 and small2
     * (25 each, 95% above: C). All but mid churn on Feb 4; mid buys again on Feb 10 and is retained, so there is no
     * A group of churners, but mid's revenue still ranks mid2 (among the churners alone mid2 would have 75% above:
     * A). big and small1 complained about the price in January; mid2 answered "price" in the exit survey.
     */
    @Test
    void reasonsPerTierRankTheTiersAmongEveryCustomerAliveAtTheStart() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        h.accept("big", day("2025-01-05"), 600, null);
        h.accept("mid", day("2025-01-05"), 200, null);
        h.accept("mid", day("2025-02-10"), 50, null);
        h.accept("mid2", day("2025-01-05"), 150, null);
        h.accept("new", day("2025-03-01"), 10, null);   // periods run to the last purchase: a newcomer in March
        h.accept("small1", day("2025-01-05"), 25, null);
        h.accept("small2", day("2025-01-05"), 25, null);
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("big", day("2025-01-20"), "support", "complaint", "price");
        interactions.accept("small1", day("2025-01-21"), "support", "complaint", "price");
        ExitAnswers.Builder answers = new ExitAnswers.Builder();
        answers.accept("mid2", day("2025-02-20"), "price");
        PurchaseHistory history = h.build();
        ChurnRule rule = new ChurnRule(ChurnRule.Definition.INACTIVITY, 30);

        PeriodChurnReasons feb = month(ChurnReasonRanker.rank(history, interactions.build(), answers.build(), MONTH,
                rule, Breakdown.TIER, Map.of(), ValueTierThresholds.DEFAULT), "2025-02");
        assertThat(feb.churned()).isEqualTo(4);
        assertThat(feb.unexplained()).isEqualTo(1);
        assertThat(feb.breakdown()).containsOnlyKeys("A+", "B", "C");
        assertThat(feb.breakdown().get("A+")).isEqualTo(new GroupChurnReasons(1, 0,
                List.of(new ChurnReason("interaction", "complaint/price", 1, 1.0))));
        assertThat(feb.breakdown().get("B")).isEqualTo(new GroupChurnReasons(1, 0,
                List.of(new ChurnReason("survey", "price", 1, 1.0))));
        assertThat(feb.breakdown().get("C")).isEqualTo(new GroupChurnReasons(2, 1,
                List.of(new ChurnReason("interaction", "complaint/price", 1, 0.5))));
        // the groups partition the churners
        assertThat(feb.breakdown().values().stream().mapToLong(GroupChurnReasons::churned).sum())
                .isEqualTo(feb.churned());
        assertThat(feb.breakdown().values().stream().mapToLong(GroupChurnReasons::unexplained).sum())
                .isEqualTo(feb.unexplained());

        // cut points 70/85/99%: big and mid (60% above) A+, mid2 (80%) A, small1 and small2 (95%) B
        PeriodChurnReasons custom = month(ChurnReasonRanker.rank(history, interactions.build(), answers.build(),
                MONTH, rule, Breakdown.TIER, Map.of(), new ValueTierThresholds(0.7, 0.85, 0.99)), "2025-02");
        assertThat(custom.breakdown()).containsOnlyKeys("A+", "A", "B");
        assertThat(custom.breakdown().get("A+").churned()).isEqualTo(1);
        assertThat(custom.breakdown().get("A").churned()).isEqualTo(1);
        assertThat(custom.breakdown().get("B").churned()).isEqualTo(2);
    }

    /**
     * Touchpoints used in the 30-day window [Jan 2, Feb 1) before February, by customers who all churn on Feb 4:
     * w bought on the web and complained ("slow") by phone on Jan 20, so is in both groups; s bought in a store,
     * asked a question by phone on Feb 2 (a reason, being in [c &minus; N, c], but after the period start, so not a
     * touchpoint) and answered "moved"; n bought without a touchpoint; old bought in a store on Dec 20 (before
     * the window) and on the web on Jan 5. r buys on the web again on Feb 10 and is retained.
     */
    @Test
    void reasonsPerTouchpointCountACustomerInEveryTouchpointUsedBeforeTheStart() {
        PurchaseHistory.Builder h = new PurchaseHistory.Builder();
        h.accept("n", day("2025-01-05"), 10, null);
        h.accept("new", day("2025-03-01"), 10, "web");   // periods run to the last purchase: a newcomer in March
        h.accept("old", day("2024-12-20"), 10, "store");
        h.accept("old", day("2025-01-05"), 10, "web");
        h.accept("r", day("2025-01-05"), 10, "web");
        h.accept("r", day("2025-02-10"), 10, "web");
        h.accept("s", day("2025-01-05"), 10, "store");
        h.accept("w", day("2025-01-05"), 10, "web");
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("w", day("2025-01-20"), "phone", "complaint", "slow");
        interactions.accept("s", day("2025-02-02"), "phone", "question", null);
        ExitAnswers.Builder answers = new ExitAnswers.Builder();
        answers.accept("s", day("2025-02-15"), "moved");

        PeriodChurnReasons feb = month(ChurnReasonRanker.rank(h.build(), interactions.build(), answers.build(), MONTH,
                new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), Breakdown.TOUCHPOINT, Map.of(),
                ValueTierThresholds.DEFAULT), "2025-02");
        assertThat(feb.churned()).isEqualTo(4);
        assertThat(feb.unexplained()).isEqualTo(2);
        assertThat(feb.breakdown()).containsOnlyKeys("web", "phone", "store", Breakdown.NONE);
        assertThat(feb.breakdown().get("web")).isEqualTo(new GroupChurnReasons(2, 1,
                List.of(new ChurnReason("interaction", "complaint/slow", 1, 0.5))));
        assertThat(feb.breakdown().get("phone")).isEqualTo(new GroupChurnReasons(1, 0,
                List.of(new ChurnReason("interaction", "complaint/slow", 1, 1.0))));
        assertThat(feb.breakdown().get("store")).isEqualTo(new GroupChurnReasons(1, 0,
                List.of(new ChurnReason("interaction", "question", 1, 1.0),
                        new ChurnReason("survey", "moved", 1, 1.0))));
        assertThat(feb.breakdown().get(Breakdown.NONE)).isEqualTo(new GroupChurnReasons(1, 1, List.of()));
        // the groups overlap: w counts in web and phone
        assertThat(feb.breakdown().values().stream().mapToLong(GroupChurnReasons::churned).sum())
                .isEqualTo(feb.churned() + 1);
    }

    /** Random customers with segments, touchpoints, interactions and exit answers over two years. */
    private record RandomData(PurchaseHistory history, InteractionHistory interactions, ExitAnswers answers,
                              Map<String, String> segments) {

        static RandomData draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            PurchaseHistory.Builder h = new PurchaseHistory.Builder();
            InteractionHistory.Builder interactions = new InteractionHistory.Builder();
            ExitAnswers.Builder answers = new ExitAnswers.Builder();
            Map<String, String> segments = new HashMap<>();
            List<String> outcomes = List.of("price", "late", "rude");
            List<String> touchpoints = List.of("web", "store", "app");
            for (int c = 0; c < 400; c++) {
                String id = String.format("c%03d", c);
                if (random.nextInt(5) > 0) {
                    segments.put(id, "s" + random.nextInt(3));
                }
                long d = day("2024-01-01") + random.nextInt(300);
                for (int k = random.nextInt(6); k >= 0; k--) {
                    h.accept(id, d, 1 + random.nextInt(50),
                            random.nextInt(4) == 0 ? null : touchpoints.get(random.nextInt(touchpoints.size())));
                    if (random.nextInt(3) == 0) {
                        interactions.accept(id, d + random.nextInt(40), random.nextBoolean() ? "phone" : "web",
                                random.nextBoolean() ? "cancellation" : "complaint",
                                outcomes.get(random.nextInt(outcomes.size())));
                    }
                    if (random.nextInt(5) == 0) {
                        answers.accept(id, d + random.nextInt(120), outcomes.get(random.nextInt(outcomes.size())));
                    }
                    d += 1 + random.nextInt(90);
                }
            }
            return new RandomData(h.build(), interactions.build(), answers.build(), segments);
        }

        List<PeriodChurnReasons> rank(ChurnRule rule, Breakdown by) {
            return ChurnReasonRanker.rank(history, interactions, answers, LoyaltySummarizer.Granularity.QUARTER, rule,
                    by, segments, ValueTierThresholds.DEFAULT);
        }
    }

    /**
     * On random data the segment and the tier groups partition the churners: churned, unexplained and the customers
     * of each reason add up to the period's, and the period's figures are those without a breakdown.
     */
    @Test
    void segmentAndTierGroupsAddUpToThePeriodTotals() {
        RandomData data = RandomData.draw(7);
        for (ChurnRule.Definition definition : ChurnRule.Definition.values()) {
            ChurnRule rule = new ChurnRule(definition, 60);
            List<PeriodChurnReasons> plain = data.rank(rule, null);
            for (Breakdown by : List.of(Breakdown.SEGMENT, Breakdown.TIER)) {
                List<PeriodChurnReasons> grouped = data.rank(rule, by);
                long reasonsSeen = 0;
                for (int k = 0; k < grouped.size(); k++) {
                    PeriodChurnReasons p = grouped.get(k);
                    assertThat(p.reasons()).isEqualTo(plain.get(k).reasons());
                    var groups = p.breakdown().values();
                    assertThat(groups.stream().mapToLong(GroupChurnReasons::churned).sum()).isEqualTo(p.churned());
                    assertThat(groups.stream().mapToLong(GroupChurnReasons::unexplained).sum())
                            .isEqualTo(p.unexplained());
                    for (ChurnReason r : p.reasons()) {
                        reasonsSeen++;
                        assertThat(groups.stream().flatMap(g -> g.reasons().stream())
                                .filter(g -> g.source().equals(r.source()) && g.reason().equals(r.reason()))
                                .mapToLong(ChurnReason::customers).sum()).isEqualTo(r.customers());
                    }
                    for (GroupChurnReasons g : groups) {
                        g.reasons().forEach(r -> assertThat(r.share()).isEqualTo((double) r.customers() / g.churned()));
                    }
                }
                assertThat(reasonsSeen).as(definition.wire() + " by " + by.wire()).isPositive();
            }
        }
    }

    /**
     * On random data, under both rules and for every breakdown, the churners of each group are the summary's
     * churned customers of the same group (groups without churners left out), and a touchpoint group never holds
     * more churners than the period while the groups together hold at least all of them.
     */
    @Test
    void groupChurnersAreTheSummarysChurnedPerGroup() {
        RandomData data = RandomData.draw(11);
        for (ChurnRule.Definition definition : ChurnRule.Definition.values()) {
            ChurnRule rule = new ChurnRule(definition, 60);
            for (Breakdown by : Breakdown.values()) {
                List<PeriodChurnReasons> reasons = data.rank(rule, by);
                List<PeriodSummary> summary = LoyaltySummarizer.summarize(data.history(), data.interactions(),
                        data.segments(), LoyaltySummarizer.Granularity.QUARTER, rule, by, 52, 0,
                        ValueTierThresholds.DEFAULT);
                assertThat(reasons).hasSameSizeAs(summary);
                long groupsSeen = 0;
                for (int k = 0; k < reasons.size(); k++) {
                    Map<String, Long> expected = new TreeMap<>();
                    summary.get(k).breakdown().forEach((group, figures) -> {
                        if (figures.churned() > 0) {
                            expected.put(group, figures.churned());
                        }
                    });
                    Map<String, Long> actual = new TreeMap<>();
                    reasons.get(k).breakdown().forEach((group, figures) -> actual.put(group, figures.churned()));
                    assertThat(actual).as("%s by %s in %s", definition.wire(), by.wire(), reasons.get(k).period())
                            .isEqualTo(expected);
                    groupsSeen += actual.size();
                    if (by == Breakdown.TOUCHPOINT) {
                        long churned = reasons.get(k).churned();
                        assertThat(actual.values()).allMatch(n -> n <= churned);
                        assertThat(actual.values().stream().mapToLong(Long::longValue).sum())
                                .isGreaterThanOrEqualTo(churned);
                    }
                }
                assertThat(groupsSeen).as(definition.wire() + " by " + by.wire()).isGreaterThan(3);
            }
        }
    }
}
