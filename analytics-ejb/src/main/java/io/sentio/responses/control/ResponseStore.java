package io.sentio.responses.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.storage.control.BatchedInserts;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * The {@code responses} collection. The client's response id is the document {@code _id}, so the unique
 * primary key makes a duplicate submission a no-op instead of a second record, without transactions.
 * Inserts go through {@link BatchedInserts}: concurrent submissions share one insert command and one
 * durability step.
 */
public final class ResponseStore {

    private final MongoCollection<Document> collection;
    private final BatchedInserts inserts;

    /** @param durability makes every acknowledged write durable (see {@code MongoStorage.awaitDurable}) */
    public ResponseStore(MongoDatabase database, Runnable durability) {
        this.collection = database.getCollection("responses");
        this.inserts = new BatchedInserts(collection, durability);
    }

    public void ensureIndexes() {
        collection.createIndex(ascending("deployment"));
        collection.createIndex(compoundIndex(ascending("touchpoint"), ascending("receivedAt")));
    }

    /**
     * Stores a response durably.
     *
     * @return true if stored, false if a response with this id already exists (nothing written)
     */
    public boolean insert(SurveyResponse response) {
        return inserts.insert(toDocument(response));
    }

    public Optional<SurveyResponse> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(ResponseStore::fromDocument);
    }

    public long countByDeployment(String deploymentId) {
        return collection.countDocuments(eq("deployment", deploymentId));
    }

    private static Document toDocument(SurveyResponse r) {
        Document doc = new Document("_id", r.id())
                .append("deployment", r.deploymentId())
                .append("touchpoint", r.touchpoint())
                .append("template", r.template())
                .append("templateVersion", r.templateVersion())
                .append("language", r.language())
                .append("answers", new Document(r.answers()))
                .append("fingerprint", r.fingerprint())
                .append("receivedAt", Date.from(r.receivedAt()));
        if (r.customer() != null) {
            doc.append("customer", r.customer());
        }
        return doc;
    }

    private static SurveyResponse fromDocument(Document doc) {
        return new SurveyResponse(doc.getString("_id"), doc.getString("deployment"), doc.getString("touchpoint"),
                doc.getString("template"), doc.getInteger("templateVersion", 1), doc.getString("language"),
                doc.get("answers", Document.class), doc.getString("fingerprint"),
                doc.getDate("receivedAt").toInstant(), doc.getString("customer"));
    }
}
