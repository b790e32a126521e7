package io.sentio.search.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * The secret that authenticates search cursors, kept in MongoDB ({@code searchState}, id
 * {@code cursorKey}) so that every node accepts the cursors of every other node and cursors survive a
 * restart. Created once with 256 random bits; concurrent first starts agree through an upsert with
 * {@code $setOnInsert} (the loser reads the winner's key).
 */
public final class CursorKeyStore {

    private static final String ID = "cursorKey";
    private final MongoCollection<Document> state;

    public CursorKeyStore(MongoDatabase database) {
        this.state = database.getCollection("searchState");
    }

    public byte[] key() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        state.updateOne(eq("_id", ID), setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
                new UpdateOptions().upsert(true));
        Document stored = state.find(eq("_id", ID)).first();
        if (stored == null || stored.getString("key") == null) {
            throw new IllegalStateException("search cursor key missing after upsert");
        }
        return Base64.getDecoder().decode(stored.getString("key"));
    }
}
