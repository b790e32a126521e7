package io.sentio.storage.boundary;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.sentio.storage.control.EmbeddedMongo;
import io.sentio.storage.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Owns the application's one {@link MongoClient}: against {@code MONGODB_URI} when set, otherwise against
 * an {@link EmbeddedMongo} whose file lives under {@code SENTIO_DATA_DIR}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MongoStorage {

    private static final System.Logger LOG = System.getLogger(MongoStorage.class.getName());
    private static final String DEFAULT_DATABASE = "sentio";

    @Inject
    @ConfigProperty(name = "mongodb.uri")
    Optional<String> mongodbUri;

    @Inject
    @ConfigProperty(name = "sentio.data.dir", defaultValue = "data")
    String dataDir;

    private EmbeddedMongo embedded;
    private MongoClient client;
    private MongoDatabase database;
    private GroupCommit durability;

    @PostConstruct
    void start() {
        ConnectionString connection;
        if (mongodbUri.filter(uri -> !uri.isBlank()).isPresent()) {
            connection = new ConnectionString(mongodbUri.get());
            durability = GroupCommit.none();
            LOG.log(System.Logger.Level.INFO, "Using MongoDB at {0}", connection.getHosts());
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath();
            embedded = EmbeddedMongo.start(dir);
            connection = new ConnectionString(embedded.connectionString());
            durability = new GroupCommit(embedded::commit);
            LOG.log(System.Logger.Level.INFO, "Using the embedded store in {0}", dir);
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(200))
                .build();
        client = MongoClients.create(settings);
        database = client.getDatabase(Optional.ofNullable(connection.getDatabase()).orElse(DEFAULT_DATABASE));
    }

    @PreDestroy
    void stop() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    public MongoDatabase database() {
        return database;
    }

    /**
     * Whether this is the embedded single-node store: it answers only primary-key filters from an index and
     * scans the whole collection for any other, and no other node writes to it.
     */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Returns once every write this thread has had acknowledged is durable (survives kill -9).
     * With a real MongoDB the write concern already guarantees it and this returns at once.
     */
    public void awaitDurable() {
        durability.awaitDurable();
    }
}
