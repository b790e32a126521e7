package io.sentio.storage.control;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group inserts against the real embedded store through the real driver. */
class BatchedInsertsTest {

    @TempDir
    Path dir;

    private StoreUnderTest store;
    private MongoCollection<Document> collection;

    @BeforeEach
    void start() {
        store = StoreUnderTest.in(dir);
        collection = store.database("test").getCollection("docs");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void concurrentInsertsAreStoredOnceEachAndDuplicatesReportedIndividually() throws Exception {
        AtomicInteger durabilitySteps = new AtomicInteger();
        BatchedInserts inserts = new BatchedInserts(collection, () -> {
            durabilitySteps.incrementAndGet();
            store.commit();
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String id = "doc-" + (i % 400); // 200 ids are inserted twice
            tasks.add(() -> inserts.insert(new Document("_id", id).append("n", 1)));
        }
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(400);
        assertThat(results).filteredOn(r -> !r).hasSize(200);
        assertThat(collection.countDocuments()).isEqualTo(400);
        assertThat(durabilitySteps.get()).as("batches shared by concurrent callers").isLessThan(600);
    }

    @Test
    void aFailedDurabilityStepFailsEveryInsertOfItsBatch() {
        BatchedInserts inserts = new BatchedInserts(collection, () -> {
            throw new IllegalStateException("fsync failed");
        });
        assertThatThrownBy(() -> inserts.insert(new Document("_id", "x"))).hasMessageContaining("fsync failed");
    }

    @Test
    void insertedDocumentsSurviveReopeningTheStore() {
        BatchedInserts inserts = new BatchedInserts(collection, store::commit);
        assertThat(inserts.insert(new Document("_id", "kept").append("v", 42))).isTrue();
        assertThat(inserts.insert(new Document("_id", "kept").append("v", 43))).isFalse();
        store.close();
        store = StoreUnderTest.in(dir);
        collection = store.database("test").getCollection("docs");
        assertThat(collection.find(new Document("_id", "kept")).first()).containsEntry("v", 42);
        assertThat(new BatchedInserts(collection, store::commit).insert(new Document("_id", "kept")))
                .as("the primary key index was reopened too").isFalse();
    }
}
