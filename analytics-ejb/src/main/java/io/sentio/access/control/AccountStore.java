package io.sentio.access.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.sentio.access.entity.Account;
import io.sentio.access.entity.Role;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/** The {@code users} collection: staff accounts with their roles and password hash. */
public final class AccountStore {

    /** An account together with its stored password hash (kept inside the access component). */
    public record Credentials(Account account, String passwordHash) {
    }

    private final MongoCollection<Document> collection;

    public AccountStore(MongoDatabase database) {
        this.collection = database.getCollection("users");
    }

    public Optional<Credentials> find(String name) {
        return Optional.ofNullable(collection.find(eq("_id", name)).first()).map(AccountStore::fromDocument);
    }

    public void save(Account account, String passwordHash) {
        Document doc = new Document("_id", account.name())
                .append("roles", account.roles().stream().map(Role::wire).sorted().toList())
                .append("passwordHash", passwordHash);
        collection.replaceOne(eq("_id", account.name()), doc, new ReplaceOptions().upsert(true));
    }

    public boolean delete(String name) {
        return collection.deleteOne(eq("_id", name)).getDeletedCount() == 1;
    }

    public List<Account> all() {
        return collection.find().sort(Sorts.ascending("_id")).map(d -> fromDocument(d).account())
                .into(new ArrayList<>());
    }

    private static Credentials fromDocument(Document doc) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        doc.getList("roles", String.class).forEach(r -> Role.fromWire(r).ifPresent(roles::add));
        return new Credentials(new Account(doc.getString("_id"), roles), doc.getString("passwordHash"));
    }
}
