package io.sentio.customers.control;

import com.mongodb.client.MongoDatabase;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.PurchaseReads;
import io.sentio.customers.entity.PurchasesRead;
import io.sentio.customers.entity.RecordKind;
import io.sentio.storage.control.StoreUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store against the embedded MongoDB: which ids an import batch inserted, the storedAt stamp, erasure. */
class RecordStoreTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @TempDir
    Path dir;

    private StoreUnderTest mongo;
    private MongoDatabase db;
    private RecordStore store;

    @BeforeEach
    void start() {
        mongo = StoreUnderTest.in(dir.resolve("mongo"));
        db = mongo.database("sentio");
        store = new RecordStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static CustomerRecord post(String id, String customer) {
        return new CustomerRecord(RecordKind.COMMUNITY, id, Map.of("customer", customer, "kind", "post",
                "date", Instant.parse("2026-03-01T00:00:00Z"), "text", "text of " + id));
    }

    @Test
    void aBatchReportsExactlyTheIdsItInsertedAndStampsThem() {
        assertThat(store.insertAbsent(List.of(post("a", "c1"), post("b", "c1")))).containsExactly("a", "b");
        assertThat(store.insertAbsent(List.of(post("x", "c2"), post("a", "c2"), post("y", "c2"), post("b", "c2"))))
                .as("existing ids are left alone and not reported").containsExactly("x", "y");
        Document stored = db.getCollection("community").find(new Document("_id", "a")).first();
        assertThat(stored.getDate("storedAt")).isEqualTo(Date.from(NOW));
        assertThat(stored.getString("customer")).isEqualTo("c1");
        assertThat(store.find(RecordKind.COMMUNITY, "a").orElseThrow().fields()).as("not a record field")
                .doesNotContainKey("storedAt");
    }

    @Test
    void erasureDeletesTheProfileAndEveryRecordOfTheCustomerOnly() {
        store.replace(new CustomerRecord(RecordKind.CUSTOMERS, "c1", Map.of("name", "Ann")));
        store.replace(new CustomerRecord(RecordKind.TRANSACTIONS, "t1", Map.of("customer", "c1",
                "date", NOW, "amount", 3.0)));
        store.insertAbsent(List.of(post("p1", "c1"), post("p2", "c2")));
        assertThat(store.deleteCustomer("c1")).isEqualTo(3);
        assertThat(store.find(RecordKind.CUSTOMERS, "c1")).isEmpty();
        assertThat(store.find(RecordKind.TRANSACTIONS, "t1")).isEmpty();
        assertThat(store.find(RecordKind.COMMUNITY, "p1")).isEmpty();
        assertThat(store.find(RecordKind.COMMUNITY, "p2")).isPresent();
        assertThat(store.deleteCustomer("c1")).as("idempotent").isZero();
    }

    @Test
    void everyWriteThatChangesRecordsBumpsItsKindsVersion() {
        assertThat(store.versions()).isEmpty();
        store.insertAbsent(List.of(post("a", "c1")));
        assertThat(store.versions()).isEqualTo(Map.of("community", 1L));
        store.insertAbsent(List.of(post("a", "c1")));
        assertThat(store.versions()).as("nothing inserted, nothing changed").isEqualTo(Map.of("community", 1L));
        store.replace(new CustomerRecord(RecordKind.TRANSACTIONS, "t1", Map.of("customer", "c1", "date", NOW,
                "amount", 3.0)));
        assertThat(store.versions()).isEqualTo(Map.of("community", 1L, "transactions", 1L));
        assertThat(store.deleteCustomer("nobody")).isZero();
        assertThat(store.versions()).as("erasing nothing changes nothing").isEqualTo(Map.of("community", 1L,
                "transactions", 1L));
        store.deleteCustomer("c1");
        assertThat(store.versions()).containsEntry("community", 2L).containsEntry("transactions", 2L)
                .containsEntry("customers", 1L).containsEntry("interactions", 1L);
    }

    private static CustomerRecord purchase(String id, String customer, double amount) {
        return new CustomerRecord(RecordKind.TRANSACTIONS, id, Map.of("customer", customer, "date", NOW,
                "amount", amount));
    }

    /** The ids of the transactions a read visits (amount = the id's number, so ids can be told apart). */
    private static List<String> visited(java.util.function.Consumer<PurchaseReads.PurchaseVisitor> read) {
        List<String> seen = new java.util.ArrayList<>();
        read.accept((customer, date, amount, touchpoint) -> seen.add("t" + (int) amount));
        return seen;
    }

    @Test
    void anExactReadIsExtendedByExactlyTheTransactionsAddedSince() {
        store.insertAbsent(List.of(purchase("t1", "c1", 1), purchase("t2", "c2", 2)));
        PurchasesRead[] read = new PurchasesRead[1];
        assertThat(visited(v -> read[0] = store.readPurchases(v))).containsExactlyInAnyOrder("t1", "t2");
        assertThat(read[0]).isEqualTo(new PurchasesRead(1, true));

        store.insertAbsent(List.of(purchase("t3", "c1", 3), purchase("t1", "c1", 1))); // t1 is not new
        store.replace(purchase("t4", "c3", 4)); // a new id: an addition too
        store.insertAbsent(List.of(purchase("t2", "c2", 2))); // nothing new: no write
        OptionalLong[] upTo = new OptionalLong[1];
        assertThat(visited(v -> upTo[0] = store.readPurchasesAddedSince(1, v))).containsExactlyInAnyOrder("t3", "t4");
        assertThat(upTo[0]).hasValue(3);
        assertThat(visited(v -> upTo[0] = store.readPurchasesAddedSince(3, v))).isEmpty();
        assertThat(upTo[0]).as("nothing since").hasValue(3);
    }

    @Test
    void replacementsErasuresAndOtherNodesWritesAskForAFullRead() {
        store.insertAbsent(List.of(purchase("t1", "c1", 1), purchase("t2", "c2", 2)));
        store.replace(purchase("t1", "c1", 10));
        assertThat(visited(v -> assertThat(store.readPurchasesAddedSince(1, v)).isEmpty()))
                .as("a replaced transaction may be held by the reader").isEmpty();

        store.insertAbsent(List.of(purchase("t3", "c3", 3)));
        store.deleteCustomer("c2");
        assertThat(store.readPurchasesAddedSince(2, (c, d, a, t) -> { })).as("erasure").isEmpty();

        RecordStore otherNode = new RecordStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
        long before = store.version(RecordKind.TRANSACTIONS);
        otherNode.insertAbsent(List.of(purchase("t5", "c5", 5)));
        assertThat(store.readPurchasesAddedSince(before, (c, d, a, t) -> { })).isEmpty();
        assertThat(otherNode.readPurchasesAddedSince(before, (c, d, a, t) -> { })).as("its own write").hasValue(
                before + 1);
    }

    @Test
    void aReadDuringWhichTransactionsAreAddedIsNotExact() {
        store.insertAbsent(List.of(purchase("t1", "c1", 1), purchase("t2", "c2", 2)));
        boolean[] once = {false};
        PurchasesRead read = store.readPurchases((customer, date, amount, touchpoint) -> {
            if (!once[0]) {
                once[0] = true;
                store.insertAbsent(List.of(purchase("t3", "c3", 3)));
            }
        });
        assertThat(read).isEqualTo(new PurchasesRead(1, false));
        assertThat(store.readPurchases((c, d, a, t) -> { })).isEqualTo(new PurchasesRead(2, true));
    }
}
