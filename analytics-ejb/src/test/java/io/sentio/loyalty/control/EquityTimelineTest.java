package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.PurchaseHistory;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Customer equity at successive days against the independent route through {@link PurchaseSummarizer} (dates,
 * one purchase at a time) and a cold {@link ClvEstimator#fitAndAnalyse} at each day: the running figures of
 * {@link PurchaseHistory}, the warm-started fits and the (x, T)-shared expectations must give the same equity.
 */
class EquityTimelineTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    /**
     * 4,000 customers arriving over a year, each buying at a Gamma-distributed daily rate and leaving after a
     * purchase with a Beta-distributed probability (the BG/NBD story on a calendar), sometimes twice a day.
     */
    static PurchaseHistory history() {
        CohortSimulator draws = new CohortSimulator(99);
        SplittableRandom random = new SplittableRandom(99);
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        for (int c = 0; c < 4_000; c++) {
            String id = String.format("c%05d", c);
            double rate = draws.gamma(1.5) / 20;
            double g = draws.gamma(2);
            double p = g / (g + draws.gamma(20));
            double day = random.nextInt(365);
            double spend = 20 + 80 * random.nextDouble();
            while (day < 730) {
                builder.accept(id, FIRST.toEpochDay() + (long) day, Math.round(spend * (0.5 + random.nextDouble()) * 100) / 100.0,
                        null);
                if (random.nextDouble() < 0.05) {
                    builder.accept(id, FIRST.toEpochDay() + (long) day, 5, null); // a second purchase that day
                }
                if (random.nextDouble() < p) {
                    break;
                }
                day += -Math.log(1 - random.nextDouble()) / rate;
            }
        }
        return builder.build();
    }

    @Test
    void equityAtEachDayMatchesTheAnalysisOfTheSummarizedPurchases() {
        PurchaseHistory h = history();
        EquityTimeline timeline = new EquityTimeline(h, days(6, 12, 18, 24), 52, 0.002, new EquityCache());
        for (LocalDate d = FIRST.plusMonths(6); d.isBefore(FIRST.plusMonths(25)); d = d.plusMonths(6)) {
            int day = Math.toIntExact(d.toEpochDay());
            PurchaseSummarizer summarizer = new PurchaseSummarizer(d.minusDays(1));
            for (int c = 0; c < h.customers(); c++) {
                for (int i = h.start(c); i < h.end(c); i++) {
                    summarizer.accept(h.customer(c), LocalDate.ofEpochDay(h.day(i)), h.amount(i));
                }
            }
            ClvAnalysis reference = ClvEstimator.fitAndAnalyse(summarizer.summaries(), 52, 0.002);
            EquityTimeline.Equity equity = timeline.at(day);
            assertThat(equity.total()).as("equity at %s", d)
                    .isCloseTo(reference.customerEquity(), offset(1e-6 * reference.customerEquity()));
            int next = 0;
            for (int c = 0; c < h.customers(); c++) {
                if (h.day(h.start(c)) < day) {
                    double clv = reference.customers().get(next++).clv();
                    // the warm-started and the cold fit stop within the optimiser's tolerance of one optimum
                    assertThat(equity.clv()[c]).isCloseTo(clv, offset(1e-5 * Math.max(1, clv)));
                } else {
                    assertThat(equity.clv()[c]).isZero();
                }
            }
            assertThat(next).isEqualTo(reference.customers().size());
        }
    }

    /**
     * A second summary reuses the boundaries whose earlier purchases did not change: a purchase added after the
     * second of three boundaries only refits the third; a changed amount before the first refits all three.
     */
    @Test
    void unchangedBoundariesComeFromTheCache() {
        PurchaseHistory h = history();
        int[] days = days(8, 16, 24);
        EquityCache cache = new EquityCache();
        double[] before = totals(new EquityTimeline(h, days, 52, 0, cache), days);
        assertThat(cache.size()).isEqualTo(3);

        double[] appended = totals(new EquityTimeline(changed(h, 20, 0), days, 52, 0, cache), days);
        assertThat(cache.size()).isEqualTo(4);
        assertThat(appended[0]).isEqualTo(before[0]);
        assertThat(appended[1]).isEqualTo(before[1]);
        assertThat(appended[2]).isNotEqualTo(before[2]);

        // (a first purchase's amount does not enter the spend model, so the values may stay; the data did change)
        totals(new EquityTimeline(changed(h, 0, 1), days, 52, 0, cache), days);
        assertThat(cache.size()).isEqualTo(7);
    }

    @Test
    void noEquityBeforeTheFirstPurchase() {
        int first = Math.toIntExact(FIRST.toEpochDay());
        assertThat(new EquityTimeline(history(), new int[] {first}, 52, 0, new EquityCache()).at(first)).isNull();
    }

    private static int[] days(int... monthsAfterFirst) {
        int[] days = new int[monthsAfterFirst.length];
        for (int k = 0; k < days.length; k++) {
            days[k] = Math.toIntExact(FIRST.plusMonths(monthsAfterFirst[k]).toEpochDay());
        }
        return days;
    }

    private static double[] totals(EquityTimeline timeline, int[] days) {
        double[] totals = new double[days.length];
        for (int k = 0; k < days.length; k++) {
            totals[k] = timeline.at(days[k]).total();
        }
        return totals;
    }

    /**
     * The history with one more purchase by the first customer, {@code monthsAfterFirst} months after FIRST
     * (0: none), and the first purchase's amount raised by {@code raise}.
     */
    private static PurchaseHistory changed(PurchaseHistory h, int monthsAfterFirst, double raise) {
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        for (int c = 0; c < h.customers(); c++) {
            for (int i = h.start(c); i < h.end(c); i++) {
                builder.accept(h.customer(c), h.day(i), h.amount(i) + (i == 0 ? raise : 0), null);
            }
            if (c == 0 && monthsAfterFirst > 0) {
                builder.accept(h.customer(c), Math.max(h.day(h.end(c) - 1),
                        FIRST.plusMonths(monthsAfterFirst).toEpochDay()), 42, null);
            }
        }
        return builder.build();
    }
}
