package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PurchaseHistory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The summaries read from a {@link PurchaseHistory}'s running figures against the reference route, the same
 * purchases fed one date at a time through {@link PurchaseSummarizer}, and against the published CDNOW summary.
 */
class HistorySummarizerTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    /**
     * 600 customers over two years: first purchases spread over the whole span (so some start after any asOf),
     * 1-10 purchases each, a quarter of them on the same day as the one before, amounts with cents.
     */
    private static PurchaseHistory randomHistory() {
        SplittableRandom random = new SplittableRandom(2024);
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        for (int c = 0; c < 600; c++) {
            String id = String.format("c%04d", c);
            long day = FIRST.toEpochDay() + random.nextInt(730);
            for (int k = 1 + random.nextInt(10); k > 0; k--) {
                builder.accept(id, day, random.nextInt(1, 20_000) / 100.0, null);
                if (random.nextInt(4) > 0) {
                    day += 1 + random.nextInt(60);
                }
            }
        }
        return builder.build();
    }

    private static CustomerSummaries reference(PurchaseHistory h, LocalDate asOf) {
        PurchaseSummarizer summarizer = new PurchaseSummarizer(asOf);
        for (int c = 0; c < h.customers(); c++) {
            for (int i = h.start(c); i < h.end(c); i++) {
                summarizer.accept(h.customer(c), LocalDate.ofEpochDay(h.day(i)), h.amount(i));
            }
        }
        return summarizer.summaries();
    }

    /**
     * asOf in the middle (customers who first buy later are left out, later purchases ignored), on a day with
     * purchases (they count), and after the last purchase: the same customers in the same order with the same x,
     * t_x and T, and m up to rounding (running sums instead of a sum of the repeat days).
     */
    @Test
    void sameSummariesAsThePurchaseSummarizer() {
        PurchaseHistory h = randomHistory();
        int purchaseDay = h.day(h.end(0) - 1);
        for (LocalDate asOf : new LocalDate[]{FIRST.plusDays(365), LocalDate.ofEpochDay(purchaseDay),
                FIRST.plusDays(1_000)}) {
            CustomerSummaries expected = reference(h, asOf);
            CustomerSummaries actual = HistorySummarizer.summarize(h, asOf);
            assertThat(actual.size()).as("customers as of %s", asOf).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.id(i)).isEqualTo(expected.id(i));
                assertThat(actual.frequency(i)).as("x of %s", expected.id(i)).isEqualTo(expected.frequency(i));
                assertThat(actual.recency(i)).as("t_x of %s", expected.id(i)).isEqualTo(expected.recency(i));
                assertThat(actual.age(i)).as("T of %s", expected.id(i)).isEqualTo(expected.age(i));
                assertThat(actual.monetary(i)).as("m of %s", expected.id(i))
                        .isCloseTo(expected.monetary(i), within(1e-9 * Math.max(1, expected.monetary(i))));
            }
        }
        // the middle one is a real cut: some customers start later, some have purchases after it
        CustomerSummaries middle = HistorySummarizer.summarize(h, FIRST.plusDays(365));
        assertThat(middle.size()).isBetween(1, h.customers() - 1);
        assertThat(HistorySummarizer.summarize(h, FIRST.plusDays(1_000)).size()).isEqualTo(h.customers());
    }

    @Test
    void noPurchaseOnOrBeforeAsOfIsRefusedAsByThePurchaseSummarizer() {
        PurchaseHistory h = randomHistory();
        LocalDate before = FIRST.minusDays(1);
        assertThatThrownBy(() -> reference(h, before)).isInstanceOf(InvalidLoyaltyDataException.class);
        assertThatThrownBy(() -> HistorySummarizer.summarize(h, before))
                .isInstanceOf(InvalidLoyaltyDataException.class);
        assertThatThrownBy(() -> HistorySummarizer.summarize(new PurchaseHistory.Builder().build(), FIRST))
                .isInstanceOf(InvalidLoyaltyDataException.class);
    }

    /** The published 39-week CDNOW calibration summary from the raw transactions, as PurchaseSummarizerTest. */
    @Test
    void cdnowTransactionsGiveThePublishedCalibrationSummary() throws IOException {
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        PurchaseSummarizerTest.forEachCdnowTransaction((customer, date, amount) ->
                builder.accept(customer, date.toEpochDay(), amount, null));
        PurchaseSummarizerTest.assertIsThePublishedCdnowSummary(
                HistorySummarizer.summarize(builder.build(), LocalDate.of(1997, 9, 30)));
    }
}
