package io.sentio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.sentio.customers.control.RecordStore;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.RecordKind;
import io.sentio.loyalty.control.KeptPurchases;
import io.sentio.loyalty.control.LoyaltySummarizer;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.storage.control.EmbeddedMongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a dashboard waits for after a day's import, on the server's own path without HTTP: the transactions of
 * {@link LoyaltySummaryBenchmark}'s population (default 1,000,000 customers, 20,000,000 transactions) written to
 * the embedded store through the real driver, read once into the kept history ({@link KeptPurchases}) and
 * summarised cold; then a day's transactions (1 % of customers) imported, and timed: the kept history extended
 * by them (read by id, merged) and the quarterly summary (only the last boundary refitted, the last period
 * computed). Prints each step. Needs {@code -Xmx12g} at the default size; the store goes to a temporary directory.
 * Run: {@code java -Xmx12g -cp <test classpath> io.sentio.bench.LoyaltyAfterImportBenchmark [customers purchases]}.
 */
public final class LoyaltyAfterImportBenchmark {

    private LoyaltyAfterImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long target = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        PurchaseHistory population = LoyaltySummaryBenchmark.generate(customers, target, new SplittableRandom(2026));
        Path dir = Files.createTempDirectory("sentio-loyalty-bench");
        try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("store"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            RecordStore records = new RecordStore(client.getDatabase("bench"));
            long start = System.nanoTime();
            int written = write(records, population, "t");
            store.commit();
            report("wrote " + String.format("%,d", written) + " transactions", start);

            KeptPurchases kept = new KeptPurchases();
            LoyaltySummarizer.Reuse reuse = LoyaltySummarizer.Reuse.none();
            start = System.nanoTime();
            PurchaseHistory history = kept.current(records);
            report("read all into the kept history (" + String.format("%,d", history.size()) + ")", start);
            start = System.nanoTime();
            LoyaltySummaryBenchmark.quarterly(history, null, 180, reuse);
            report("summary, cold", start);

            for (int day = 1; day <= 3; day++) {
                PurchaseHistory newDay = LoyaltySummaryBenchmark.oneMoreDay(history, new SplittableRandom(day));
                write(records, newDay, "day" + day + "-");
                store.commit();
                start = System.nanoTime();
                history = kept.current(records);
                double extended = (System.nanoTime() - start) / 1e9;
                List<PeriodSummary> periods = LoyaltySummaryBenchmark.quarterly(history, null, 180, reuse);
                double total = (System.nanoTime() - start) / 1e9;
                System.out.printf("after importing day %d (%,d transactions): %.2f s = kept history extended %.2f s"
                                + " + summary %.2f s (last quarter: %,d active, ROC %.4f)%n", day, newDay.size(), total,
                        extended, total - extended, periods.getLast().active(), periods.getLast().returnOnCustomer());
            }
        }
    }

    /** Every purchase of {@code h} as a transaction record, in batches of 1,000 as the import jobs write them. */
    private static int write(RecordStore records, PurchaseHistory h, String idPrefix) {
        List<CustomerRecord> batch = new ArrayList<>(1_000);
        int written = 0;
        for (int c = 0; c < h.customers(); c++) {
            for (int i = h.start(c); i < h.end(c); i++) {
                batch.add(new CustomerRecord(RecordKind.TRANSACTIONS, idPrefix + i, Map.of("customer", h.customer(c),
                        "date", Instant.ofEpochSecond(h.day(i) * 86_400L),
                        "amount", h.amount(i), "touchpoint", h.touchpoint(i))));
                if (batch.size() == 1_000) {
                    written += records.insertAbsent(batch).size();
                    batch.clear();
                }
            }
        }
        written += records.insertAbsent(batch).size();
        return written;
    }

    private static void report(String what, long start) {
        System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}
