package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.ExitAnswers;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoyaltySummarizerTest {

    private static void buy(PurchaseHistory.Builder b, String customer, String date, double amount) {
        b.accept(customer, LocalDate.parse(date).toEpochDay(), amount, null);
    }

    /** By inactivity, no breakdown, equity over 52 weeks undiscounted. */
    static List<PeriodSummary> summarize(PurchaseHistory h, LoyaltySummarizer.Granularity granularity, int churnDays) {
        return LoyaltySummarizer.summarize(h, InteractionHistory.empty(), Map.of(), granularity,
                new ChurnRule(ChurnRule.Definition.INACTIVITY, churnDays), null, 52, 0, ValueTierThresholds.DEFAULT);
    }

    /** a buys in Jan, Feb, Mar; b once in Jan; c once in Feb. Counts worked out by hand from the definitions. */
    private static PurchaseHistory threeCustomers() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        buy(b, "a", "2025-01-05", 10);
        buy(b, "a", "2025-02-10", 20);
        buy(b, "a", "2025-03-20", 30);
        buy(b, "b", "2025-01-10", 100);
        buy(b, "c", "2025-02-15", 5);
        return b.build();
    }

    @Test
    void monthlyRetentionAndChurnFollowTheDefinitions() {
        List<PeriodSummary> months = summarize(threeCustomers(), LoyaltySummarizer.Granularity.MONTH, 30);
        assertThat(months).extracting(PeriodSummary::period).containsExactly("2025-01", "2025-02", "2025-03");
        PeriodSummary jan = months.get(0);
        assertThat(jan.customers()).isEqualTo(2);
        assertThat(jan.active()).isEqualTo(2);
        assertThat(jan.aliveAtStart()).isZero();
        assertThat(jan.retentionRate()).isNull();
        assertThat(jan.revenue()).isEqualTo(110.0);
        // top 20% of 2 customers = 0.4 of the top one: 0.4 * 100 / 110
        assertThat(jan.paretoShare()).isCloseTo(0.4 * 100 / 110, within(1e-12));

        PeriodSummary feb = months.get(1);
        assertThat(feb.customers()).isEqualTo(3);
        assertThat(feb.active()).isEqualTo(2);
        assertThat(feb.aliveAtStart()).isEqualTo(2);   // a and b bought in the 30 days before Feb 1
        assertThat(feb.retained()).isEqualTo(1);       // a bought in the 30 days before Mar 1, b did not
        assertThat(feb.churned()).isEqualTo(1);
        assertThat(feb.retentionRate()).isEqualTo(0.5);
        assertThat(feb.churnRate()).isEqualTo(0.5);
        assertThat(feb.revenue()).isEqualTo(25.0);

        PeriodSummary mar = months.get(2);
        assertThat(mar.aliveAtStart()).isEqualTo(2);   // a and c
        assertThat(mar.retained()).isEqualTo(1);       // a
        assertThat(mar.active()).isEqualTo(1);
        for (PeriodSummary p : months) {
            assertThat(p.rfmSegments().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.customers());
            assertThat(p.valueTiers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.active());
            if (p.returnOnCustomer() != null) {
                assertThat(p.returnOnCustomer()).isCloseTo(
                        (p.revenue() + p.equityAtEnd() - p.equityAtStart()) / p.equityAtStart(), within(1e-9));
            }
        }
    }

    @Test
    void aLongerChurnWindowKeepsMoreCustomers() {
        List<PeriodSummary> months = summarize(threeCustomers(), LoyaltySummarizer.Granularity.MONTH, 60);
        assertThat(months.get(1).retained()).isEqualTo(2);   // b's Jan 10 purchase is within 60 days of Mar 1
        assertThat(months.get(1).churned()).isZero();
    }

    @Test
    void quartersAndYearsCoverTheSameRevenue() {
        PurchaseHistory h = threeCustomers();
        List<PeriodSummary> quarters = summarize(h, LoyaltySummarizer.Granularity.QUARTER, 180);
        List<PeriodSummary> years = summarize(h, LoyaltySummarizer.Granularity.YEAR, 180);
        assertThat(quarters).extracting(PeriodSummary::period).containsExactly("2025-Q1");
        assertThat(years).extracting(PeriodSummary::period).containsExactly("2025");
        assertThat(quarters.getFirst().revenue()).isEqualTo(165.0).isEqualTo(years.getFirst().revenue());
        assertThat(quarters.getFirst().end()).as("to date: the day after the last purchase")
                .isEqualTo(LocalDate.of(2025, 3, 21));
        assertThat(quarters.getFirst().complete()).isFalse();
    }

    /**
     * The data end on 2025-03-20, inside March: March is summarised to date, at 03-21. By the 30-day rule, c
     * (last purchase 02-25) is still alive then, and so retained; at the calendar end, 04-01, nobody would know
     * yet whether c buys again, yet c would count as churned. The same holds for the churn reasons.
     */
    @Test
    void theCurrentPeriodIsSummarisedToDate() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        buy(b, "a", "2025-01-05", 10);
        buy(b, "a", "2025-03-20", 30);
        buy(b, "c", "2025-02-25", 5);
        List<PeriodSummary> months = summarize(b.build(), LoyaltySummarizer.Granularity.MONTH, 30);

        assertThat(months).extracting(PeriodSummary::complete).containsExactly(true, true, false);
        PeriodSummary march = months.getLast();
        assertThat(march.end()).isEqualTo(LocalDate.of(2025, 3, 21));
        assertThat(march.aliveAtStart()).isEqualTo(1);   // c (a's last purchase before March is 55 days old)
        assertThat(march.retained()).isEqualTo(1);
        assertThat(march.churned()).isZero();
        assertThat(ChurnReasonRanker.rank(b.build(), InteractionHistory.empty(), new ExitAnswers.Builder().build(),
                LoyaltySummarizer.Granularity.MONTH, new ChurnRule(ChurnRule.Definition.INACTIVITY, 30), null, null,
                ValueTierThresholds.DEFAULT).getLast().churned()).isZero();
    }

    @Test
    void aLaterInteractionExtendsTheCurrentPeriodUpToItsEnd() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        buy(b, "a", "2025-01-05", 10);
        InteractionHistory.Builder interactions = new InteractionHistory.Builder();
        interactions.accept("a", LocalDate.parse("2025-01-20").toEpochDay(), "phone", "complaint", null);
        List<PeriodSummary> toDate = LoyaltySummarizer.summarize(b.build(), interactions.build(), Map.of(),
                LoyaltySummarizer.Granularity.MONTH, new ChurnRule(ChurnRule.Definition.CANCELLATION, 30), null, 52,
                0, ValueTierThresholds.DEFAULT);
        assertThat(toDate.getLast().end()).isEqualTo(LocalDate.of(2025, 1, 21));

        interactions.accept("a", LocalDate.parse("2025-03-02").toEpochDay(), "phone", "cancellation", null);
        List<PeriodSummary> complete = LoyaltySummarizer.summarize(b.build(), interactions.build(), Map.of(),
                LoyaltySummarizer.Granularity.MONTH, new ChurnRule(ChurnRule.Definition.CANCELLATION, 30), null, 52,
                0, ValueTierThresholds.DEFAULT);
        assertThat(complete).hasSize(1);
        assertThat(complete.getLast().end()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(complete.getLast().complete()).isTrue();
    }

    @Test
    void manyCustomersAreHeldAndCounted() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        for (int c = 0; c < 5_000; c++) {
            buy(b, "c" + c, "2025-01-" + String.format("%02d", 1 + c % 28), 1);
            buy(b, "c" + c, "2025-02-01", 2);
        }
        PurchaseHistory h = b.build();
        assertThat(h.customers()).isEqualTo(5_000);
        assertThat(h.size()).isEqualTo(10_000);
        assertThat(h.customer(4_999)).isEqualTo("c4999");
        assertThat(h.end(4_999) - h.start(4_999)).isEqualTo(2);
        List<PeriodSummary> months = summarize(h, LoyaltySummarizer.Granularity.MONTH, 180);
        assertThat(months.get(1).aliveAtStart()).isEqualTo(5_000);
        assertThat(months.get(1).retained()).isEqualTo(5_000);
        assertThat(months.get(1).revenue()).isEqualTo(10_000.0);
    }

    /**
     * After purchases on the last day, only the last quarter is computed again: the earlier ones are the very
     * summaries of before, and every quarter equals a summary computed from nothing. A change in the other inputs
     * computes every quarter again.
     */
    @Test
    void quartersBeforeNewPurchasesAreReusedAndEqualASummaryFromNothing() {
        PurchaseHistory h = EquityTimelineTest.history();
        int lastDay = 0;
        for (int c = 0; c < h.customers(); c++) {
            lastDay = Math.max(lastDay, h.day(h.end(c) - 1));
        }
        PurchaseHistory.Builder newDay = new PurchaseHistory.Builder();
        for (int c = 0; c < h.customers(); c += 50) {
            newDay.accept(h.customer(c), lastDay, 42, null);
        }
        PurchaseHistory more = h.withAdded(newDay.build());
        LoyaltySummarizer.Reuse reuse = LoyaltySummarizer.Reuse.none();

        List<PeriodSummary> before = summarize(h, reuse);
        List<PeriodSummary> after = summarize(more, reuse);
        List<PeriodSummary> fromNothing = summarize(more, LoyaltySummarizer.Reuse.none());

        assertThat(after).hasSize(8).hasSameSizeAs(before);
        for (int k = 0; k < 7; k++) {
            assertThat(after.get(k)).as("quarter %d", k).isSameAs(before.get(k));
        }
        assertThat(after.getLast().revenue()).isCloseTo(before.getLast().revenue() + 42 * 80, within(1e-6));
        for (int k = 0; k < 8; k++) {
            PeriodSummary a = after.get(k);
            PeriodSummary f = fromNothing.get(k);
            assertThat(a.period()).isEqualTo(f.period());
            assertThat(new long[] {a.customers(), a.active(), a.retained(), a.churned(), a.wonBack()})
                    .containsExactly(f.customers(), f.active(), f.retained(), f.churned(), f.wonBack());
            assertThat(a.revenue()).isCloseTo(f.revenue(), within(1e-6));
            assertThat(a.rfmSegments()).isEqualTo(f.rfmSegments());
            if (f.equityAtEnd() != null) {
                assertThat(a.equityAtEnd()).isCloseTo(f.equityAtEnd(), within(1e-6 * f.equityAtEnd()));
            }
        }

        List<PeriodSummary> otherInputs = LoyaltySummarizer.summarize(more, InteractionHistory.empty(), Map.of(),
                LoyaltySummarizer.Granularity.QUARTER, new ChurnRule(ChurnRule.Definition.INACTIVITY, 180), null, 52,
                0, ValueTierThresholds.DEFAULT, new LoyaltySummarizer.Reuse(reuse.equities(), reuse.periods(),
                        "interactions 7"));
        assertThat(otherInputs.getFirst()).isNotSameAs(after.getFirst()).isEqualTo(after.getFirst());
    }

    private static List<PeriodSummary> summarize(PurchaseHistory h, LoyaltySummarizer.Reuse reuse) {
        return LoyaltySummarizer.summarize(h, InteractionHistory.empty(), Map.of(),
                LoyaltySummarizer.Granularity.QUARTER, new ChurnRule(ChurnRule.Definition.INACTIVITY, 180), null, 52,
                0, ValueTierThresholds.DEFAULT, reuse);
    }
}
