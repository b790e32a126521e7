package io.sentio.storage.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store's primary key, which has no index map of its own, through the real driver. */
class CompactH2BackendTest {

    @TempDir
    Path dir;

    private StoreUnderTest store;
    private MongoCollection<Document> docs;

    @BeforeEach
    void start() {
        store = StoreUnderTest.in(dir);
        docs = store.database("test").getCollection("docs");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static boolean duplicate(Runnable write) {
        try {
            write.run();
            return false;
        } catch (MongoWriteException e) {
            return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
    }

    @Test
    void theIdIsUniqueInMongoDbsSenseAndFreedByADelete() {
        docs.insertOne(new Document("_id", "a").append("v", 1));
        docs.insertOne(new Document("_id", 7).append("v", 2));
        assertThat(duplicate(() -> docs.insertOne(new Document("_id", "a")))).isTrue();
        assertThat(duplicate(() -> docs.insertOne(new Document("_id", 7.0))))
                .as("7 and 7.0 are the same key to MongoDB").isTrue();
        assertThat(docs.find(eq("_id", 7L)).first()).containsEntry("v", 2);

        assertThat(docs.deleteOne(eq("_id", "a")).getDeletedCount()).isOne();
        assertThat(docs.find(eq("_id", "a")).first()).isNull();
        docs.insertOne(new Document("_id", "a").append("v", 3));
        assertThat(docs.find(eq("_id", "a")).first()).containsEntry("v", 3);
        assertThat(docs.countDocuments()).isEqualTo(2);
    }

    @Test
    void idQueriesUpsertsAndReplacesWorkAcrossAReopen() {
        for (int i = 0; i < 50; i++) {
            docs.insertOne(new Document("_id", "k" + i).append("v", i));
        }
        docs.replaceOne(eq("_id", "k3"), new Document("_id", "k3").append("v", 300));
        docs.replaceOne(eq("_id", "new"), new Document("_id", "new").append("v", -1), new ReplaceOptions().upsert(true));
        docs.deleteMany(in("_id", List.of("k1", "k2", "missing")));
        store.commit();
        store.close();

        store = StoreUnderTest.in(dir);
        docs = store.database("test").getCollection("docs");
        List<Object> values = new ArrayList<>();
        docs.find(in("_id", List.of("k0", "k1", "k3", "new"))).forEach(d -> values.add(d.get("v")));
        assertThat(values).containsExactlyInAnyOrder(0, 300, -1);
        assertThat(docs.countDocuments()).isEqualTo(49);
        assertThat(docs.countDocuments(regex("_id", "^k4"))).as("k4, k40..k49").isEqualTo(11);
        assertThat(duplicate(() -> docs.insertOne(new Document("_id", "k49")))).isTrue();
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", "new"))).isInstanceOf(MongoWriteException.class);
    }
}
