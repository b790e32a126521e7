package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentio.customers.control.RecordStore;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.PurchaseReads;
import io.sentio.customers.entity.PurchasesRead;
import io.sentio.customers.entity.RecordKind;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.storage.control.StoreUnderTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept history against the embedded store: extended after imports, read again after anything else. */
class KeptPurchasesTest {

    @TempDir
    Path dir;

    private StoreUnderTest mongo;
    private RecordStore store;
    private int fullReads;
    private final SplittableRandom random = new SplittableRandom(5);
    private int nextId;

    /** The store, counting full reads. */
    private final PurchaseReads source = new PurchaseReads() {
        @Override
        public long transactionsVersion() {
            return store.transactionsVersion();
        }

        @Override
        public PurchasesRead readPurchases(PurchaseVisitor visitor) {
            fullReads++;
            return store.readPurchases(visitor);
        }

        @Override
        public OptionalLong readPurchasesAddedSince(long version, PurchaseVisitor visitor) {
            return store.readPurchasesAddedSince(version, visitor);
        }
    };

    @BeforeEach
    void start() {
        mongo = StoreUnderTest.in(dir.resolve("mongo"));
        store = new RecordStore(mongo.database("sentio"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<CustomerRecord> batch(int size, int customers) {
        List<CustomerRecord> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            out.add(new CustomerRecord(RecordKind.TRANSACTIONS, "t" + nextId++, Map.of("customer",
                    "c" + random.nextInt(customers), "date", Instant.parse("2026-01-01T00:00:00Z")
                            .plusSeconds(86_400L * random.nextInt(100)), "amount", (double) random.nextInt(1_000),
                    "touchpoint", random.nextBoolean() ? "web" : "store")));
        }
        return out;
    }

    /** What a fresh read of the store gives: the reference the kept history must equal. */
    private PurchaseHistory readAfresh() {
        return new KeptPurchases().current(store);
    }

    @Test
    void importsExtendTheKeptHistoryWithoutReadingEverythingAgain() {
        KeptPurchases kept = new KeptPurchases();
        store.insertAbsent(batch(500, 80));
        PurchaseHistory first = kept.current(source);
        assertThat(first.size()).isEqualTo(500);
        assertThat(kept.current(source)).as("unchanged").isSameAs(first);

        store.insertAbsent(batch(300, 120)); // customers seen before and new ones
        store.insertAbsent(batch(200, 150));
        PurchaseHistory extended = kept.current(source);

        assertThat(fullReads).isEqualTo(1);
        assertThat(extended.size()).isEqualTo(1_000);
        assertSameTotals(extended, readAfresh());
    }

    @Test
    void aReplacedTransactionIsReadAgainInFull() {
        KeptPurchases kept = new KeptPurchases();
        store.insertAbsent(batch(100, 20));
        kept.current(source);
        store.replace(new CustomerRecord(RecordKind.TRANSACTIONS, "t0", Map.of("customer", "c0",
                "date", Instant.parse("2026-02-01T00:00:00Z"), "amount", 12_345.0)));

        PurchaseHistory after = kept.current(source);

        assertThat(fullReads).isEqualTo(2);
        assertThat(after.size()).isEqualTo(100);
        assertSameTotals(after, readAfresh());
    }

    /** Same customers in the same order, each with the same purchase days and spend. */
    private static void assertSameTotals(PurchaseHistory actual, PurchaseHistory expected) {
        assertThat(actual.customers()).isEqualTo(expected.customers());
        for (int c = 0; c < expected.customers(); c++) {
            assertThat(actual.customer(c)).isEqualTo(expected.customer(c));
            assertThat(actual.end(c) - actual.start(c)).isEqualTo(expected.end(c) - expected.start(c));
            assertThat(actual.spendThrough(actual.end(c) - 1)).isEqualTo(expected.spendThrough(expected.end(c) - 1));
            for (int i = actual.start(c), j = expected.start(c); i < actual.end(c); i++, j++) {
                assertThat(actual.day(i)).isEqualTo(expected.day(j));
            }
        }
    }
}
