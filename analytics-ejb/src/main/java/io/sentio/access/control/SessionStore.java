package io.sentio.access.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

/**
 * The {@code sessions} collection: browser sign-ins. Stored by token digest, so the cookie value itself
 * is never at rest; kept in MongoDB (not in one JVM) so any node of a cluster can check it.
 */
public final class SessionStore {

    private final MongoCollection<Document> collection;

    public SessionStore(MongoDatabase database) {
        this.collection = database.getCollection("sessions");
    }

    /** @return the new session's token */
    public String open(String user, Instant expiresAt) {
        String token = SecureTokens.token();
        collection.insertOne(new Document("_id", SecureTokens.digest(token))
                .append("user", user)
                .append("expiresAt", Date.from(expiresAt)));
        return token;
    }

    /** The user of a live session. */
    public Optional<String> user(String token, Instant now) {
        Document doc = collection.find(and(eq("_id", SecureTokens.digest(token)), gt("expiresAt", Date.from(now))))
                .first();
        return Optional.ofNullable(doc).map(d -> d.getString("user"));
    }

    public void close(String token) {
        collection.deleteOne(eq("_id", SecureTokens.digest(token)));
    }

    public void closeAllOf(String user) {
        collection.deleteMany(eq("user", user));
    }

    public void purgeExpired(Instant now) {
        collection.deleteMany(lt("expiresAt", Date.from(now)));
    }
}
