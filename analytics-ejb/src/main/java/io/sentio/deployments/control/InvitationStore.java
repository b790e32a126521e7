package io.sentio.deployments.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.sentio.access.control.SecureTokens;
import io.sentio.deployments.entity.Invitation;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The {@code invitations} collection, keyed by the SHA-256 digest of the token. Single use is enforced by
 * one conditional update ({@link #claim}), so two concurrent submits with one token cannot both win.
 */
public final class InvitationStore {

    private final MongoCollection<Document> collection;

    public InvitationStore(MongoDatabase database) {
        this.collection = database.getCollection("invitations");
    }

    public void ensureIndexes() {
        collection.createIndex(ascending("deployment"));
    }

    /** Stores a new invitation and returns its token: the only time the token exists in clear. */
    public String create(String deploymentId, String customer, Instant expiresAt) {
        String token = SecureTokens.token();
        collection.insertOne(new Document("_id", SecureTokens.digest(token))
                .append("deployment", deploymentId)
                .append("customer", customer)
                .append("expiresAt", Date.from(expiresAt))
                .append("usedBy", null));
        return token;
    }

    public Optional<Invitation> find(String deploymentId, String token) {
        Document doc = collection.find(and(eq("_id", SecureTokens.digest(token)), eq("deployment", deploymentId)))
                .first();
        return Optional.ofNullable(doc).map(InvitationStore::fromDocument);
    }

    /**
     * Marks the invitation used by {@code responseId}, atomically. Succeeds again for the same response id, so
     * a retried submission (or one whose first attempt crashed after the claim) goes through.
     *
     * @return the claimed invitation, or empty if it is unknown, expired, or used by another response
     */
    public Optional<Invitation> claim(String deploymentId, String token, String responseId, Instant now) {
        Bson usable = and(eq("_id", SecureTokens.digest(token)), eq("deployment", deploymentId),
                gt("expiresAt", Date.from(now)), or(eq("usedBy", null), eq("usedBy", responseId)));
        Document doc = collection.findOneAndUpdate(usable,
                combine(set("usedBy", responseId), set("usedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(doc).map(InvitationStore::fromDocument);
    }

    /** Saves answers in progress on an unused, unexpired invitation; false if it is not (or no longer) usable. */
    public boolean saveProgress(String deploymentId, String token, Map<String, Object> answers, Instant now) {
        Bson usable = and(eq("_id", SecureTokens.digest(token)), eq("deployment", deploymentId),
                gt("expiresAt", Date.from(now)), eq("usedBy", null));
        return collection.updateOne(usable, set("progress", new Document(answers))).getMatchedCount() == 1;
    }

    /**
     * Deletes every invitation issued to a customer, used or not (erasure: the invitation names the customer, and
     * an erased customer's link must not work). A scan on the embedded store, acceptable for a rare request.
     *
     * @return how many were deleted
     */
    public long deleteOfCustomer(String customer) {
        return collection.deleteMany(eq("customer", customer)).getDeletedCount();
    }

    private static Invitation fromDocument(Document doc) {
        Date usedAt = doc.getDate("usedAt");
        Document progress = doc.get("progress", Document.class);
        return new Invitation(doc.getString("_id"), doc.getString("deployment"), doc.getString("customer"),
                doc.getDate("expiresAt").toInstant(), usedAt == null ? null : usedAt.toInstant(),
                doc.getString("usedBy"), progress);
    }
}
