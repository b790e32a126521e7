package io.sentio.responses.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.responses.entity.SurveyResponse;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * The {@code responses} collection. The client's response id is the document {@code _id}, so the unique
 * primary key makes a duplicate submission a no-op instead of a second record, without transactions.
 */
public final class ResponseStore {

    private final MongoCollection<Document> collection;

    public ResponseStore(MongoDatabase database) {
        this.collection = database.getCollection("responses");
    }

    public void ensureIndexes() {
        collection.createIndex(ascending("deployment"));
        collection.createIndex(compoundIndex(ascending("touchpoint"), ascending("receivedAt")));
    }

    /** @return true if stored, false if a response with this id already exists (nothing written) */
    public boolean insert(SurveyResponse response) {
        try {
            collection.insertOne(toDocument(response));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
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
