package io.sentio.storage.control;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;

/**
 * For tests against the real store: the embedded store in a directory and a real driver client connected to it.
 * Start one per test ({@code @BeforeEach}) in a {@code @TempDir}, close it after ({@code @AfterEach}).
 */
public final class StoreUnderTest implements AutoCloseable {

    private final EmbeddedMongo store;
    private final MongoClient client;

    private StoreUnderTest(EmbeddedMongo store) {
        this.store = store;
        this.client = MongoClients.create(store.connectionString());
    }

    /** Starts the store on the files in {@code dir} (a new store if there are none). */
    public static StoreUnderTest in(Path dir) {
        return new StoreUnderTest(EmbeddedMongo.start(dir));
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** Makes every write so far durable, as the server's durability steps do. */
    public void commit() {
        store.commit();
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
