package io.sentio.responses.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.storage.control.BatchedInserts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * The {@code responses} collection. The client's response id is the document {@code _id}, so the unique
 * primary key makes a duplicate submission a no-op instead of a second record, without transactions.
 * Inserts go through {@link BatchedInserts}: concurrent submissions share one insert command and one
 * durability step.
 *
 * <p>Folding into aggregates: a response is inserted with {@code folded: false}. The satisfaction folder
 * claims it into a batch ({@link #claim}, setting {@code batch}), aggregates the batch,
 * then marks it {@link #markFolded folded}. These fields are the folder's bookkeeping; the insert stays the
 * only write on the submission path.
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
        collection.createIndex(ascending("folded"));
    }

    /** A response not yet folded into aggregates, and the batch it was claimed into (null if none). */
    public record Pending(String id, String batch) {
    }

    /** Every response not yet folded (also those stored before folding existed, without the field). */
    public List<Pending> unfolded() {
        List<Pending> pending = new ArrayList<>();
        collection.find(ne("folded", true)).projection(new Document("_id", 1).append("batch", 1))
                .forEach(d -> pending.add(new Pending(d.getString("_id"), d.getString("batch"))));
        return pending;
    }

    /**
     * Claims the unfolded, unclaimed responses among {@code ids} into {@code batch}: reads them, then sets
     * {@code batch} on those eligible. Both are {@code _id ∈ ids} operations on purpose: the embedded store
     * answers only exact {@code _id} queries from an index and scans the whole collection for anything
     * else. The read-then-write is not atomic, so there must be one claimer per database (the single
     * folder thread of the one application server).
     *
     * @return the responses this call claimed (unknown, folded or already claimed ids are skipped)
     */
    public List<SurveyResponse> claim(List<String> ids, String batch) {
        List<SurveyResponse> claimed = new ArrayList<>();
        if (ids.isEmpty()) {
            return claimed;
        }
        collection.find(in("_id", ids)).forEach(d -> {
            if (!Boolean.TRUE.equals(d.get("folded")) && d.get("batch") == null) {
                claimed.add(fromDocument(d));
            }
        });
        if (!claimed.isEmpty()) {
            collection.updateMany(in("_id", claimed.stream().map(SurveyResponse::id).toList()),
                    new Document("$set", new Document("batch", batch)));
        }
        return claimed;
    }

    /** Every response claimed into {@code batch}, folded or not (crash repair re-folds the whole batch). */
    public List<SurveyResponse> inBatch(String batch) {
        List<SurveyResponse> result = new ArrayList<>();
        collection.find(eq("batch", batch)).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    public void markFolded(List<String> ids) {
        if (!ids.isEmpty()) {
            collection.updateMany(in("_id", ids), new Document("$set", new Document("folded", true)));
        }
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

    /** Streams a deployment's responses in order of receipt to {@code consumer}, without holding them all. */
    public void forEachOfDeployment(String deploymentId, java.util.function.Consumer<SurveyResponse> consumer) {
        collection.find(eq("deployment", deploymentId)).sort(new Document("receivedAt", 1).append("_id", 1))
                .forEach(d -> consumer.accept(fromDocument(d)));
    }

    /**
     * Streams every response linked to a customer (from invitation deployments), in no particular order: a scan of
     * the whole collection on the embedded store, so for reports only.
     */
    public void forEachLinkedToCustomer(java.util.function.Consumer<SurveyResponse> consumer) {
        collection.find(exists("customer")).batchSize(10_000).forEach(d -> consumer.accept(fromDocument(d)));
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
                .append("receivedAt", Date.from(r.receivedAt()))
                .append("folded", false);
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
