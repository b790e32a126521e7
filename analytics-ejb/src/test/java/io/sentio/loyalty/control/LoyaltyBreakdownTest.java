package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.GroupSummary;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Breakdowns, explicit cancellation and win-back on synthetic customers whose answers are known by construction. */
class LoyaltyBreakdownTest {

    private static final LoyaltySummarizer.Granularity MONTH = LoyaltySummarizer.Granularity.MONTH;

    /** Purchases added per customer in date order (as the store delivers them). */
    private static final class Purchases {
        final PurchaseHistory.Builder builder = new PurchaseHistory.Builder();

        Purchases buy(String customer, String date, double amount, String touchpoint) {
            builder.accept(customer, day(date), amount, touchpoint);
            return this;
        }
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static List<PeriodSummary> summarize(PurchaseHistory h, InteractionHistory interactions,
                                                 Map<String, String> segments, ChurnRule churn, Breakdown by) {
        return LoyaltySummarizer.summarize(h, interactions, segments, MONTH, churn, by, 52, 0,
                ValueTierThresholds.DEFAULT);
    }

    private static ChurnRule inactivity(int days) {
        return new ChurnRule(ChurnRule.Definition.INACTIVITY, days);
    }

    private static PeriodSummary month(List<PeriodSummary> months, String name) {
        return months.stream().filter(p -> p.period().equals(name)).findFirst().orElseThrow();
    }

    /**
     * 40 gold customers of whom 36 buy again in February, 60 basic ones of whom 30 do (and 10 customers without a
     * segment who all do). With a 31-day window a customer who bought on Jan 1 is alive on Feb 1, and alive on
     * Mar 1 exactly when they bought in February: gold retention 0.9, basic 0.5, unsegmented 1.
     */
    private static Purchases segmentCohort(Map<String, String> segments) {
        Purchases p = new Purchases();
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 110; i++) {
            String id = String.format("s%03d", i);
            boolean gold = i < 40;
            boolean basic = i >= 40 && i < 100;
            if (gold) {
                segments.put(id, "gold");
            } else if (basic) {
                segments.put(id, "basic");
            }
            // varied histories in 2024 give BG/NBD and Gamma-Gamma something to fit
            long d = day("2024-01-01") + random.nextInt(200);
            for (int k = random.nextInt(6); k >= 0; k--) {
                p.builder.accept(id, d, 1 + random.nextInt(40), "store");
                d += 1 + random.nextInt(25);
            }
            p.buy(id, "2024-12-20", 3, "web").buy(id, "2025-01-01", 10, "web");
            boolean buysAgain = gold ? i < 36 : basic ? i < 70 : true;
            if (buysAgain) {
                p.buy(id, "2025-02-03", gold ? 50 : 20, "web");
            }
        }
        return p;
    }

    @Test
    void retentionBySegmentMatchesTheConstruction() {
        Map<String, String> segments = new HashMap<>();
        PurchaseHistory h = segmentCohort(segments).builder.build();
        PeriodSummary feb = month(summarize(h, InteractionHistory.empty(), segments, inactivity(31), Breakdown.SEGMENT),
                "2025-02");
        Map<String, GroupSummary> groups = feb.breakdown();
        assertThat(groups).containsOnlyKeys("gold", "basic", Breakdown.NONE);
        assertThat(groups.get("gold").customers()).isEqualTo(40);
        assertThat(groups.get("gold").aliveAtStart()).isEqualTo(40);
        assertThat(groups.get("gold").retained()).isEqualTo(36);
        assertThat(groups.get("gold").retentionRate()).isEqualTo(0.9);
        assertThat(groups.get("basic").retentionRate()).isEqualTo(0.5);
        assertThat(groups.get("basic").churnRate()).isEqualTo(0.5);
        assertThat(groups.get(Breakdown.NONE).retentionRate()).isEqualTo(1.0);
        assertThat(groups.get("gold").revenue()).isEqualTo(36 * 50.0);
        assertThat(groups.get("basic").revenue()).isEqualTo(30 * 20.0);
        assertThat(feb.retained()).isEqualTo(36 + 30 + 10);
    }

    @Test
    void segmentGroupsPartitionTheTotalsIncludingEquity() {
        Map<String, String> segments = new HashMap<>();
        PurchaseHistory h = segmentCohort(segments).builder.build();
        List<PeriodSummary> months = summarize(h, InteractionHistory.empty(), segments, inactivity(31),
                Breakdown.SEGMENT);
        boolean sawEquity = false;
        boolean sawWinBack = false;
        for (PeriodSummary p : months) {
            var groups = p.breakdown().values();
            assertThat(groups.stream().mapToLong(GroupSummary::customers).sum()).isEqualTo(p.customers());
            assertThat(groups.stream().mapToLong(GroupSummary::aliveAtStart).sum()).isEqualTo(p.aliveAtStart());
            assertThat(groups.stream().mapToLong(GroupSummary::retained).sum()).isEqualTo(p.retained());
            assertThat(groups.stream().mapToDouble(GroupSummary::revenue).sum()).isCloseTo(p.revenue(), within(1e-9));
            assertThat(groups.stream().mapToLong(GroupSummary::churnedBeforeStart).sum())
                    .isEqualTo(p.churnedBeforeStart());
            assertThat(groups.stream().mapToLong(GroupSummary::wonBack).sum()).isEqualTo(p.wonBack());
            sawWinBack |= p.wonBack() > 0;
            if (p.equityAtStart() != null && p.equityAtEnd() != null) {
                sawEquity = true;
                assertThat(groups.stream().mapToDouble(GroupSummary::equityAtStart).sum())
                        .isCloseTo(p.equityAtStart(), within(1e-6 * p.equityAtStart()));
                assertThat(groups.stream().mapToDouble(GroupSummary::equityAtEnd).sum())
                        .isCloseTo(p.equityAtEnd(), within(1e-6 * p.equityAtEnd()));
                for (GroupSummary g : groups) {
                    if (g.returnOnCustomer() != null) {
                        assertThat(g.returnOnCustomer()).isCloseTo(
                                (g.revenue() + g.equityAtEnd() - g.equityAtStart()) / g.equityAtStart(), within(1e-9));
                    }
                }
            }
        }
        assertThat(sawEquity).as("some period has equity at both ends").isTrue();
        assertThat(sawWinBack).as("some period wins customers back").isTrue();
    }

    /**
     * 10 gold, 20 basic and 5 unsegmented customers buy on Jan 2; with a 30-day window all have churned by Mar 1.
     * In March 4 gold, 5 basic and 1 unsegmented customer buy again, and 3 new gold customers buy for the first
     * time (acquired in the period, so not earlier churners): win-back 4/10, 5/20 and 1/5.
     */
    @Test
    void winBackBySegmentCountsEachSegmentsEarlierChurners() {
        Purchases p = new Purchases();
        Map<String, String> segments = new HashMap<>();
        for (int i = 0; i < 35; i++) {
            String id = String.format("c%02d", i);
            String segment = i < 10 ? "gold" : i < 30 ? "basic" : null;
            if (segment != null) {
                segments.put(id, segment);
            }
            p.buy(id, "2025-01-02", 10, null);
            if (i < 4 || i >= 10 && i < 15 || i == 30) {
                p.buy(id, "2025-03-10", 20, null);
            }
        }
        for (int i = 0; i < 3; i++) {
            segments.put("new" + i, "gold");
            p.buy("new" + i, "2025-03-20", 5, null);
        }
        PeriodSummary mar = month(summarize(p.builder.build(), InteractionHistory.empty(), segments, inactivity(30),
                Breakdown.SEGMENT), "2025-03");
        assertThat(mar.churnedBeforeStart()).isEqualTo(35);
        assertThat(mar.wonBack()).isEqualTo(10);
        GroupSummary gold = mar.breakdown().get("gold");
        assertThat(gold.customers()).isEqualTo(13);
        assertThat(gold.churnedBeforeStart()).isEqualTo(10);
        assertThat(gold.wonBack()).isEqualTo(4);
        assertThat(gold.winBackRate()).isEqualTo(0.4);
        assertThat(mar.breakdown().get("basic").winBackRate()).isEqualTo(0.25);
        assertThat(mar.breakdown().get(Breakdown.NONE).churnedBeforeStart()).isEqualTo(5);
        assertThat(mar.breakdown().get(Breakdown.NONE).winBackRate()).isEqualTo(0.2);
        // January: nobody was acquired before Jan 1, so there is nobody to win back
        GroupSummary janGold = month(summarize(p.builder.build(), InteractionHistory.empty(), segments,
                inactivity(30), Breakdown.SEGMENT), "2025-01").breakdown().get("gold");
        assertThat(janGold.churnedBeforeStart()).isZero();
        assertThat(janGold.winBackRate()).isNull();
    }

    /** Tier and touchpoint groups hold only customers alive at the start: their win-back figures are absent. */
    @Test
    void winBackIsAbsentFromGroupsOfCustomersAliveAtTheStart() {
        Map<String, String> segments = new HashMap<>();
        PurchaseHistory h = segmentCohort(segments).builder.build();
        for (Breakdown by : List.of(Breakdown.TIER, Breakdown.TOUCHPOINT)) {
            List<PeriodSummary> months = summarize(h, InteractionHistory.empty(), segments, inactivity(31), by);
            assertThat(months).flatMap(m -> m.breakdown().values()).isNotEmpty().allSatisfy(g -> {
                assertThat(g.churnedBeforeStart()).isNull();
                assertThat(g.wonBack()).isNull();
                assertThat(g.winBackRate()).isNull();
            });
        }
    }

    /**
     * The tier example below with other cut points: the ten small customers have 1,000/1,100 = 0.909 of revenue
     * above them, so with B ending at 0.9 they are C, and with A+ ending at 0.95 they are A+ with the big one.
     * January's valueTiers rank the same revenues.
     */
    @Test
    void tierThresholdsApplyToValueTiersAndTheTierBreakdown() {
        PurchaseHistory h = bigAndSmall().builder.build();
        ValueTierThresholds low = new ValueTierThresholds(0.5, 0.8, 0.9);
        ValueTierThresholds high = new ValueTierThresholds(0.95, 0.97, 0.99);
        List<PeriodSummary> lowMonths = LoyaltySummarizer.summarize(h, InteractionHistory.empty(), Map.of(), MONTH,
                inactivity(30), Breakdown.TIER, 52, 0, low);
        assertThat(month(lowMonths, "2025-01").valueTiers()).containsEntry("A+", 1L).containsEntry("C", 10L)
                .containsEntry("B", 0L);
        Map<String, GroupSummary> lowGroups = month(lowMonths, "2025-02").breakdown();
        assertThat(lowGroups).containsOnlyKeys("A+", "C");
        assertThat(lowGroups.get("C").customers()).isEqualTo(10);

        List<PeriodSummary> highMonths = LoyaltySummarizer.summarize(h, InteractionHistory.empty(), Map.of(), MONTH,
                inactivity(30), Breakdown.TIER, 52, 0, high);
        assertThat(month(highMonths, "2025-01").valueTiers()).containsEntry("A+", 11L);
        assertThat(month(highMonths, "2025-02").breakdown()).containsOnlyKeys("A+");
        assertThat(month(highMonths, "2025-02").breakdown().get("A+").customers()).isEqualTo(11);
    }

    /**
     * On Feb 1 one customer spent 1,000 in January and ten spent 10 each: the big one alone holds 91% of the
     * window's revenue (A+: nobody above them), the ten share 9% with 1,000/1,100 = 0.909 above them (B, below the
     * 0.95 cut). The big one stops buying; the ten buy in February.
     */
    @Test
    void retentionByTierUsesTheTierAtThePeriodStart() {
        Purchases p = bigAndSmall();
        PeriodSummary feb = month(summarize(p.builder.build(), InteractionHistory.empty(), Map.of(), inactivity(30),
                Breakdown.TIER), "2025-02");
        assertThat(feb.breakdown()).containsOnlyKeys("A+", "B");
        assertThat(feb.breakdown().get("A+").customers()).isEqualTo(1);
        assertThat(feb.breakdown().get("A+").retentionRate()).isEqualTo(0.0);
        assertThat(feb.breakdown().get("B").customers()).isEqualTo(10);
        assertThat(feb.breakdown().get("B").retentionRate()).isEqualTo(1.0);
        assertThat(feb.breakdown().get("B").revenue()).isEqualTo(100.0);
        // January: nobody alive at Jan 1, so no tiers
        assertThat(month(summarize(p.builder.build(), InteractionHistory.empty(), Map.of(), inactivity(30),
                Breakdown.TIER), "2025-01").breakdown()).isEmpty();
    }

    private static Purchases bigAndSmall() {
        Purchases p = new Purchases();
        p.buy("big", "2025-01-05", 1_000, null);
        for (int i = 0; i < 10; i++) {
            p.buy("small" + i, "2025-01-10", 10, null).buy("small" + i, "2025-02-10", 10, null);
        }
        return p;
    }

    /**
     * a bought on the web and phoned support in January; b bought without a touchpoint; c bought in the app in
     * January and only used the chat in February (after the start, so it does not count).
     */
    @Test
    void touchpointsAreThoseUsedInTheWindowBeforeTheStart() {
        Purchases p = new Purchases();
        p.buy("a", "2025-01-05", 10, "web").buy("a", "2025-02-05", 10, "web");
        p.buy("b", "2025-01-06", 10, null);
        p.buy("c", "2025-01-07", 10, "app").buy("c", "2025-02-07", 10, "app");
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("a", day("2025-01-20"), "support", "question", "answered");
        interactions.accept("c", day("2025-02-08"), "chat", "complaint", null);
        PeriodSummary feb = month(summarize(p.builder.build(), interactions.build(), Map.of(), inactivity(30),
                Breakdown.TOUCHPOINT), "2025-02");
        assertThat(feb.breakdown()).containsOnlyKeys("web", "support", "app", Breakdown.NONE);
        assertThat(feb.breakdown().get("web").customers()).isEqualTo(1);
        assertThat(feb.breakdown().get("support").customers()).isEqualTo(1);
        assertThat(feb.breakdown().get("support").retentionRate()).isEqualTo(1.0);
        assertThat(feb.breakdown().get(Breakdown.NONE).customers()).isEqualTo(1);
        assertThat(feb.breakdown().get(Breakdown.NONE).retentionRate()).isEqualTo(0.0);   // b did not buy again
        assertThat(feb.breakdown().get("app").retentionRate()).isEqualTo(1.0);
    }

    /**
     * x buys on Jan 5 and cancels on Feb 10, then buys again on Mar 15; y buys on Jan 6 and cancels on the same
     * day as a purchase on Feb 12 (the cancellation wins); z buys on Jan 7 and never again, without cancelling.
     */
    @Test
    void explicitCancellationChurnsAndALaterPurchaseWinsBack() {
        Purchases p = new Purchases();
        p.buy("x", "2025-01-05", 10, null).buy("x", "2025-03-15", 10, null);
        p.buy("y", "2025-01-06", 10, null).buy("y", "2025-02-12", 10, null);
        p.buy("z", "2025-01-07", 10, null);
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("x", day("2025-02-10"), "support", "cancellation", "price");
        interactions.accept("y", day("2025-02-12"), "web", "Cancellation", null);
        interactions.accept("z", day("2025-01-20"), "support", "complaint", null);
        List<PeriodSummary> months = summarize(p.builder.build(), interactions.build(), Map.of(),
                new ChurnRule(ChurnRule.Definition.CANCELLATION, 30), null);
        PeriodSummary feb = month(months, "2025-02");
        assertThat(feb.aliveAtStart()).isEqualTo(3);
        assertThat(feb.churned()).isEqualTo(2);   // x and y cancelled; z has not cancelled, so is still a customer
        assertThat(feb.retained()).isEqualTo(1);
        PeriodSummary mar = month(months, "2025-03");
        assertThat(mar.aliveAtStart()).isEqualTo(1);
        assertThat(mar.churnedBeforeStart()).isEqualTo(2);
        assertThat(mar.wonBack()).isEqualTo(1);   // x
        assertThat(mar.winBackRate()).isEqualTo(0.5);
        assertThat(mar.retained()).isEqualTo(1);  // z still without a cancellation

        // by inactivity over 30 days the same data churn z (no purchase in February) and y only in March
        List<PeriodSummary> byInactivity = summarize(p.builder.build(), interactions.build(), Map.of(), inactivity(30),
                null);
        assertThat(month(byInactivity, "2025-02").churned()).isEqualTo(2);   // x and z: nothing since early January
        assertThat(month(byInactivity, "2025-03").aliveAtStart()).isEqualTo(1);   // y
    }

    /** 20 customers buy in January; with a 30-day window all have churned by April 1; 5 of them buy in April. */
    @Test
    void winBackRateIsTheShareOfEarlierChurnersWhoBuyAgain() {
        Purchases p = new Purchases();
        for (int i = 0; i < 20; i++) {
            String id = String.format("w%02d", i);
            p.buy(id, "2025-01-02", 10, null);
            if (i < 5) {
                p.buy(id, "2025-04-10", 10, null);
            }
        }
        List<PeriodSummary> months = summarize(p.builder.build(), InteractionHistory.empty(), Map.of(), inactivity(30),
                null);
        PeriodSummary apr = month(months, "2025-04");
        assertThat(apr.churnedBeforeStart()).isEqualTo(20);
        assertThat(apr.wonBack()).isEqualTo(5);
        assertThat(apr.winBackRate()).isEqualTo(0.25);
        PeriodSummary jan = month(months, "2025-01");
        assertThat(jan.churnedBeforeStart()).isZero();
        assertThat(jan.winBackRate()).isNull();
        assertThat(jan.breakdown()).isNull();
    }
}
