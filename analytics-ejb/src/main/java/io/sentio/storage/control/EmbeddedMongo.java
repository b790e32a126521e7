package io.sentio.storage.control;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default store: mongo-java-server with its H2 MVStore file backend, listening on a random loopback
 * port so that the real MongoDB driver talks to it exactly as it would to a MongoDB server.
 *
 * <p>{@link #commit()} writes every change made so far to the file and forces it to disk; callers batch it
 * with {@link GroupCommit}.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final int PAGE_SPLIT_SIZE = 4 * 1024;

    private final MVStore store;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MVStore store) {
        this.store = store;
        this.backend = new CompactH2Backend(store);
        this.server = new MongoServer(backend);
        this.address = server.bind();
    }

    /**
     * Opens (or creates) the store file {@code store.mv} in {@code dataDir} and starts listening. (The file
     * {@code mongo.mv} of earlier versions used another encoding and is not read.)
     */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        // Every commit re-writes the B-tree pages it touched, and Sentio commits often (before each
        // acknowledgement): small pages and no compression keep that cost per commit low. Measured with
        // StoreBenchmark (docs/benchmarks.md).
        MVStore store = new MVStore.Builder()
                .fileName(dataDir.resolve("store.mv").toString())
                .pageSplitSize(PAGE_SPLIT_SIZE)
                .open();
        return new EmbeddedMongo(store);
    }

    /** The connection string of this server for the MongoDB driver. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Makes every write acknowledged so far durable: commits the MVStore and syncs its file. */
    public void commit() {
        backend.commit();
        store.sync();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
