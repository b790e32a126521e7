package io.sentio.customers.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.RecordKind;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * The collections {@code customers}, {@code transactions}, {@code interactions} and {@code community}: one
 * document per record, {@code _id} = the record's id, dates as BSON dates. Thread-safe (the driver's collections
 * are).
 *
 * <p>Every write also stores {@code storedAt}, the time just before the write (one stamp per import batch). It
 * is not a record field (reads leave it out); it orders writes for the comment index's catch-up after a crash,
 * which re-reads from its last indexed {@code storedAt} minus an overlap window (see the search component).
 */
public final class RecordStore {

    static final String STORED_AT = "storedAt";

    /** Receives purchases in order of customer, then date; {@code touchpoint} is null when the record has none. */
    @FunctionalInterface
    public interface PurchaseVisitor {
        void visit(String customer, Instant date, double amount, String touchpoint);
    }

    private final Map<RecordKind, MongoCollection<Document>> collections = new EnumMap<>(RecordKind.class);
    private final Clock clock;

    /** Per record kind, a counter bumped after every write of that kind (see {@link #versions()}). */
    private final MongoCollection<Document> versions;

    public RecordStore(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock stamps {@code storedAt} */
    public RecordStore(MongoDatabase database, Clock clock) {
        this.clock = clock;
        for (RecordKind kind : RecordKind.values()) {
            collections.put(kind, database.getCollection(kind.wire()));
        }
        this.versions = database.getCollection("record_versions");
    }

    public void ensureIndexes() {
        collections.get(RecordKind.CUSTOMERS).createIndex(ascending("segment"));
        collections.get(RecordKind.TRANSACTIONS).createIndex(compoundIndex(ascending("customer"), ascending("date")));
        collections.get(RecordKind.TRANSACTIONS).createIndex(ascending("date"));
        collections.get(RecordKind.INTERACTIONS).createIndex(compoundIndex(ascending("customer"), ascending("date")));
        collections.get(RecordKind.INTERACTIONS).createIndex(ascending("touchpoint"));
        collections.get(RecordKind.COMMUNITY).createIndex(compoundIndex(ascending("customer"), ascending("date")));
    }

    /** Stores the record in place of any with its id. @return true if no record had that id */
    public boolean replace(CustomerRecord record) {
        var result = collections.get(record.kind()).replaceOne(eq("_id", record.id()),
                toDocument(record, clock.instant()), new ReplaceOptions().upsert(true));
        bump(record.kind());
        return result.getUpsertedId() != null;
    }

    /**
     * Inserts the records whose id is not stored yet (one unordered insertMany); records whose id exists are left
     * as they are, so importing the same file twice changes nothing.
     *
     * @return the ids of the records inserted
     */
    public List<String> insertAbsent(List<CustomerRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        RecordKind kind = records.getFirst().kind();
        Instant stamp = clock.instant();
        List<Document> documents = records.stream().map(r -> toDocument(r, stamp)).toList();
        List<String> ids = records.stream().map(CustomerRecord::id).toList();
        try {
            collections.get(kind).insertMany(documents, new InsertManyOptions().ordered(false));
            bump(kind);
            return ids;
        } catch (MongoBulkWriteException e) {
            Set<Integer> failed = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                failed.add(error.getIndex());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            List<String> inserted = new ArrayList<>(ids.size() - failed.size());
            for (int i = 0; i < ids.size(); i++) {
                if (!failed.contains(i)) {
                    inserted.add(ids.get(i));
                }
            }
            if (!inserted.isEmpty()) {
                bump(kind);
            }
            return inserted;
        }
    }

    /**
     * Deletes a customer's profile and every transaction, interaction and community record referring to it
     * (a scan of each record collection on the embedded store: erasure is rare).
     *
     * @return how many documents were deleted
     */
    public long deleteCustomer(String customer) {
        long deleted = collections.get(RecordKind.CUSTOMERS).deleteOne(eq("_id", customer)).getDeletedCount();
        for (RecordKind kind : List.of(RecordKind.TRANSACTIONS, RecordKind.INTERACTIONS, RecordKind.COMMUNITY)) {
            deleted += collections.get(kind).deleteMany(eq("customer", customer)).getDeletedCount();
        }
        if (deleted > 0) {
            for (RecordKind kind : RecordKind.values()) {
                bump(kind);
            }
        }
        return deleted;
    }

    /**
     * The write counter of every record kind that was ever written (kind → count). Read it before reading the
     * records it describes: a cached figure computed from those records is current while the counters are equal.
     */
    public Map<String, Long> versions() {
        Map<String, Long> out = new TreeMap<>();
        versions.find().forEach(d -> out.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        return out;
    }

    /** After a write (several servers may write: a counter in the database, not in memory). */
    private void bump(RecordKind kind) {
        versions.updateOne(eq("_id", kind.wire()), new Document("$inc", new Document("version", 1L)),
                new UpdateOptions().upsert(true));
    }

    public Optional<CustomerRecord> find(RecordKind kind, String id) {
        return Optional.ofNullable(collections.get(kind).find(eq("_id", id)).first()).map(d -> fromDocument(kind, d));
    }

    public long count(RecordKind kind) {
        return collections.get(kind).countDocuments();
    }

    /**
     * Visits every transaction dated before {@code end}, in no particular order: the embedded store sorts in
     * memory, which for millions of transactions holds them all as documents at once; callers order them in
     * primitive columns instead ({@code PurchaseHistory.Collector}).
     */
    public void forEachPurchase(Instant end, PurchaseVisitor visitor) {
        collections.get(RecordKind.TRANSACTIONS)
                .find(com.mongodb.client.model.Filters.lt("date", Date.from(end)))
                .projection(Projections.include("customer", "date", "amount", "touchpoint"))
                .batchSize(10_000)
                .forEach(d -> visitor.visit(d.getString("customer"), d.getDate("date").toInstant(),
                        ((Number) d.get("amount")).doubleValue(), d.getString("touchpoint")));
    }

    /**
     * Visits every record of a kind, in no particular order, without its long-text fields (notes, posts), which
     * analyses do not read. A whole-collection scan: for reports, not for request hot paths.
     */
    public void forEachRecord(RecordKind kind, Consumer<CustomerRecord> visitor) {
        List<String> longText = kind.fields().stream()
                .filter(f -> f.type() == RecordKind.FieldType.LONG_TEXT).map(RecordKind.Field::name).toList();
        var found = collections.get(kind).find().batchSize(10_000);
        if (!longText.isEmpty()) {
            found = found.projection(Projections.exclude(longText));
        }
        found.forEach(d -> visitor.accept(fromDocument(kind, d)));
    }

    static Document toDocument(CustomerRecord record, Instant storedAt) {
        Document document = new Document("_id", record.id());
        record.fields().forEach((name, value) -> document.append(name, value instanceof Instant i ? Date.from(i) : value));
        return document.append(STORED_AT, Date.from(storedAt));
    }

    static CustomerRecord fromDocument(RecordKind kind, Document document) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordKind.Field field : kind.fields()) {
            Object value = document.get(field.name());
            if (value instanceof Date d) {
                value = d.toInstant();
            } else if (value instanceof Document attributes) {
                value = new LinkedHashMap<>(attributes);
            } else if (value instanceof Integer i) {
                value = i.longValue();
            }
            if (value != null) {
                fields.put(field.name(), value);
            }
        }
        return new CustomerRecord(kind, document.getString("_id"), fields);
    }

}
