package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PurchaseSummarizerTest {

    private static BufferedReader resource(String name) {
        return new BufferedReader(new InputStreamReader(
                PurchaseSummarizerTest.class.getResourceAsStream(name), StandardCharsets.UTF_8));
    }

    /** The published 39-week CDNOW summary is reproduced from the raw transactions (sorted by customer, date). */
    @Test
    void cdnowTransactionsGiveThePublishedCalibrationSummary() throws IOException {
        PurchaseSummarizer summarizer = new PurchaseSummarizer(LocalDate.of(1997, 9, 30));
        forEachCdnowTransaction(summarizer::accept);
        assertIsThePublishedCdnowSummary(summarizer.summaries());
    }

    /** Receives one CDNOW transaction. */
    @FunctionalInterface
    interface CdnowTransaction {
        void accept(String customer, LocalDate date, double amount);
    }

    /** Every transaction of the CDNOW sample, in the file's order (by customer, then date). */
    static void forEachCdnowTransaction(CdnowTransaction visitor) throws IOException {
        try (BufferedReader in = resource("/loyalty/cdnow_transactions.csv")) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                visitor.accept(cells[0], LocalDate.parse(cells[1]), Double.parseDouble(cells[2]));
            }
        }
    }

    /** {@code computed} is the published 39-week summary of all 2,357 customers, to its two decimals. */
    static void assertIsThePublishedCdnowSummary(CustomerSummaries computed) throws IOException {
        Map<String, double[]> published = new HashMap<>();
        try (BufferedReader in = resource("/loyalty/cdnow_summary.csv")) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",");
                published.put(c[0], new double[]{Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        Double.parseDouble(c[3]), Double.parseDouble(c[4])});
            }
        }
        assertThat(computed.size()).isEqualTo(2357).isEqualTo(published.size());
        for (int i = 0; i < computed.size(); i++) {
            double[] p = published.get(computed.id(i));
            assertThat(p).as("customer %s", computed.id(i)).isNotNull();
            assertThat(computed.frequency(i)).as("x of %s", computed.id(i)).isEqualTo((int) p[0]);
            // the published file rounds to 2 decimals
            assertThat(computed.recency(i)).as("t_x of %s", computed.id(i)).isCloseTo(p[1], within(0.0051));
            assertThat(computed.age(i)).as("T of %s", computed.id(i)).isCloseTo(p[2], within(0.0051));
            assertThat(computed.monetary(i)).as("m of %s", computed.id(i)).isCloseTo(p[3], within(0.0051));
        }
    }

    @Test
    void sameDayPurchasesAreOneTransactionAndLaterOnesAreIgnored() {
        PurchaseSummarizer s = new PurchaseSummarizer(LocalDate.of(2025, 1, 29));
        s.accept("a", LocalDate.of(2025, 1, 1), 10);
        s.accept("a", LocalDate.of(2025, 1, 1), 5);   // same trial day
        s.accept("a", LocalDate.of(2025, 1, 8), 3);
        s.accept("a", LocalDate.of(2025, 1, 8), 4);   // one repeat day worth 7
        s.accept("a", LocalDate.of(2025, 1, 15), 13);
        s.accept("a", LocalDate.of(2025, 2, 1), 100); // after asOf
        s.accept("b", LocalDate.of(2025, 1, 22), 9);
        CustomerSummaries out = s.summaries();
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.frequency(0)).isEqualTo(2);
        assertThat(out.recency(0)).isEqualTo(2.0);
        assertThat(out.age(0)).isEqualTo(4.0);
        assertThat(out.monetary(0)).isEqualTo(10.0);
        assertThat(out.frequency(1)).isZero();
        assertThat(out.recency(1)).isZero();
        assertThat(out.age(1)).isEqualTo(1.0);
        assertThat(out.monetary(1)).isZero();
    }

    @Test
    void outOfOrderInputIsRefused() {
        PurchaseSummarizer s = new PurchaseSummarizer(LocalDate.of(2025, 12, 31));
        s.accept("a", LocalDate.of(2025, 3, 1), 1);
        assertThatThrownBy(() -> s.accept("a", LocalDate.of(2025, 2, 1), 1))
                .isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining("date order");
        PurchaseSummarizer t = new PurchaseSummarizer(LocalDate.of(2025, 12, 31));
        t.accept("a", LocalDate.of(2025, 3, 1), 1);
        t.accept("b", LocalDate.of(2025, 3, 1), 1);
        t.accept("a", LocalDate.of(2025, 4, 1), 1);
        assertThatThrownBy(t::summaries).isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining("repeated");
    }
}
