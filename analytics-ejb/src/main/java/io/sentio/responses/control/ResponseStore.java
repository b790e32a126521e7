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

import static com.mongodb.client.model.Filters.and;
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
    private final boolean shared;

    /**
     * @param durability makes every acknowledged write durable (see {@code MongoStorage.awaitDurable})
     * @param shared     whether other application servers may fold from the same database (a real MongoDB):
     *                   claims are then atomic per response instead of read-then-write
     */
    public ResponseStore(MongoDatabase database, Runnable durability, boolean shared) {
        this.collection = database.getCollection("responses");
        this.inserts = new BatchedInserts(collection, durability);
        this.shared = shared;
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
     * Claims the unfolded, unclaimed responses among {@code ids} into {@code batch}.
     *
     * <p>On a shared database: one {@code updateMany} whose filter requires the response to be unfolded and in no
     * batch, so each response is claimed by exactly one batch even when folders on several nodes race (MongoDB
     * updates each document atomically), then the batch's members are read back. On the embedded store, whose
     * only writer is this process and which answers only exact {@code _id} filters from an index (anything else
     * scans the whole collection): read the candidates by {@code _id ∈ ids}, then tag the eligible ones, which
     * is safe with the one folder thread of the one application server.
     *
     * @return the responses this call claimed (unknown, folded or already claimed ids are skipped)
     */
    public List<SurveyResponse> claim(List<String> ids, String batch) {
        List<SurveyResponse> claimed = new ArrayList<>();
        if (ids.isEmpty()) {
            return claimed;
        }
        if (shared) {
            collection.updateMany(and(in("_id", ids), eq("batch", null), ne("folded", true)),
                    new Document("$set", new Document("batch", batch)));
            collection.find(and(in("_id", ids), eq("batch", batch))).forEach(d -> claimed.add(fromDocument(d)));
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

    /** Deletes a response. @return whether it existed */
    public boolean delete(String id) {
        return collection.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }

    /**
     * Deletes every response linked to a customer (invitation responses carry the customer reference); a scan
     * on the embedded store, acceptable for a rare erasure.
     *
     * @return the ids deleted
     */
    public List<String> deleteOfCustomer(String customer) {
        List<String> ids = new ArrayList<>();
        collection.find(eq("customer", customer)).projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        if (!ids.isEmpty()) {
            collection.deleteMany(in("_id", ids));
        }
        return ids;
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
