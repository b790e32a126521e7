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
    private static PurchaseHistory history() {
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
        EquityTimeline timeline = new EquityTimeline(h, 52, 0.002);
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

    @Test
    void noEquityBeforeTheFirstPurchase() {
        assertThat(new EquityTimeline(history(), 52, 0).at(Math.toIntExact(FIRST.toEpochDay()))).isNull();
    }
}
