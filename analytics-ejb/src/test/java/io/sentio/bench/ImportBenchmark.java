package io.sentio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.sentio.customers.boundary.CustomerData;
import io.sentio.customers.control.ImportRun;
import io.sentio.customers.control.RecordStore;
import io.sentio.customers.entity.RecordKind;
import io.sentio.loyalty.control.KeptPurchases;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.storage.control.EmbeddedMongo;
import io.sentio.storage.control.GroupCommit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Bulk import throughput from a CSV file of transactions ({@code id,customer,date,amount,touchpoint}): parse and
 * validate only (the ceiling of the reader), then into the embedded store through the real MongoDB driver with
 * one durable commit per {@link CustomerData#DURABLE_EVERY_BATCHES} batches of {@link ImportRun#BATCH} and one at the
 * end (as the import jobs do), then the same file again
 * (every id already stored: nothing written), and the loyalty analyses' read of all the transactions back into a
 * {@code PurchaseHistory}; then a further import (a fiftieth of the rows, new ids) and, side by side, the kept
 * history extended by it ({@code KeptPurchases}) and everything read again. Prints rows/s for each.
 * Run: {@code mvn -B -q -pl analytics-ejb exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.sentio.bench.ImportBenchmark [-Dexec.args=rows]}
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("sentio-import-bench");
        Path csv = dir.resolve("transactions.csv");
        write(csv, rows, "tx", 42);
        System.out.printf("file: %,d rows, %,d bytes%n", rows, Files.size(csv));

        measure("parse + validate only (cold: JIT warm-up)", csv, rows, null, null);
        measure("parse + validate only (warm)", csv, rows, null, null);
        try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("store"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            GroupCommit durable = new GroupCommit(store::commit);
            RecordStore warmUp = new RecordStore(client.getDatabase("warm-up"));
            warmUp.ensureIndexes();
            measure("embedded store, new ids, durable (cold: JIT warm-up)", csv, rows, warmUp, durable);
            RecordStore records = new RecordStore(client.getDatabase("bench"));
            records.ensureIndexes();
            measure("embedded store, new ids, durable (warm)", csv, rows, records, durable);
            measure("embedded store, same file again (no writes)", csv, rows, records, durable);
            System.out.printf("stored transactions: %,d%n", records.count(RecordKind.TRANSACTIONS));
            for (int run = 1; run <= 2; run++) {
                readForLoyalty(records, "read back for loyalty (run " + run + ")");
            }
            // a further import after the analyses hold every transaction: extended, not read again
            KeptPurchases kept = new KeptPurchases();
            kept.current(records);
            int moreRows = Math.max(1, rows / 50);
            Path more = dir.resolve("more.csv");
            write(more, moreRows, "more", 7);
            measure("embedded store, a further 1/50 (new ids)", more, moreRows, records, durable);
            long start = System.nanoTime();
            PurchaseHistory extended = kept.current(records);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-48s %,10.3f s     (%,d + %,d purchases)%n", "kept history extended by them",
                    seconds, extended.size() - moreRows, moreRows);
            readForLoyalty(records, "the same by reading everything again");
            // where the time goes: the same import without any durable commit
            RecordStore notDurable = new RecordStore(client.getDatabase("nondurable"));
            notDurable.ensureIndexes();
            measure("embedded store, new ids, no commit", csv, rows, notDurable, null);
        }
    }

    /** The loyalty analyses' read: every transaction, unsorted, into a {@link PurchaseHistory} by customer and day. */
    private static void readForLoyalty(RecordStore records, String name) {
        long start = System.nanoTime();
        PurchaseHistory history = new KeptPurchases().current(records); // nothing kept yet: reads all
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-48s %,10.0f rows/s  (%.1f s, %,d customers)%n", name, history.size() / seconds, seconds,
                history.customers());
    }

    /** Transactions of rows / 20 customers over 1,500 days, ids {@code prefix + n}. */
    private static void write(Path csv, int rows, String prefix, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,customer,date,amount,touchpoint\n");
            for (int i = 0; i < rows; i++) {
                out.write(prefix + i + ",c" + random.nextInt(rows / 20 + 1) + "," + start.plusDays(random.nextInt(1500))
                        + "," + (random.nextInt(20_000) / 100.0) + "," + (random.nextBoolean() ? "web" : "store") + "\n");
            }
        }
    }

    /** Writes overlap with reading, as in the import jobs (which use the container's managed executor). */
    private static final java.util.concurrent.ExecutorService WRITER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-writer");
        t.setDaemon(true);
        return t;
    });

    private static void measure(String name, Path csv, int rows, RecordStore records, GroupCommit durable)
            throws Exception {
        long start = System.nanoTime();
        int[] batches = {0};
        ImportRun run = new ImportRun(RecordKind.TRANSACTIONS, "csv", batch -> {
            if (records == null) {
                return batch.size();
            }
            int inserted = records.insertAbsent(batch).size();
            if (durable != null && ++batches[0] % CustomerData.DURABLE_EVERY_BATCHES == 0) {
                durable.awaitDurable();
            }
            return inserted;
        }, () -> { }, WRITER);
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            run.run(in);
        }
        if (durable != null) {
            durable.awaitDurable();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (run.rowsDone() != rows || run.errorCount() != 0 || run.failure() != null) {
            throw new IllegalStateException("unexpected run: " + run.rowsDone() + " rows, " + run.errorCount()
                    + " errors, " + run.failure());
        }
        System.out.printf("%-48s %,10.0f rows/s  (%.1f s, %,d new)%n", name, rows / seconds, seconds, run.imported());
    }
}
