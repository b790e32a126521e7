package io.sentio.customers.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.PurchaseReads;
import io.sentio.customers.entity.PurchasesRead;
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
import java.util.OptionalLong;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
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
public final class RecordStore implements PurchaseReads {

    static final String STORED_AT = "storedAt";

    private final Map<RecordKind, MongoCollection<Document>> collections = new EnumMap<>(RecordKind.class);
    private final Clock clock;

    /** Per record kind, a counter bumped after every write of that kind (see {@link #versions()}). */
    private final MongoCollection<Document> versions;

    /** Per record kind, this node's writes that only added records (see {@link #readPurchasesAddedSince}). */
    private final Map<RecordKind, AppendJournal> journals = new EnumMap<>(RecordKind.class);

    public RecordStore(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock stamps {@code storedAt} */
    public RecordStore(MongoDatabase database, Clock clock) {
        this.clock = clock;
        for (RecordKind kind : RecordKind.values()) {
            collections.put(kind, database.getCollection(kind.wire()));
            journals.put(kind, new AppendJournal());
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
        AppendJournal journal = journals.get(record.kind());
        journal.begin();
        boolean created = false;
        long version = 0;
        try {
            var result = collections.get(record.kind()).replaceOne(eq("_id", record.id()),
                    toDocument(record, clock.instant()), new ReplaceOptions().upsert(true));
            created = result.getUpsertedId() != null;
            version = bump(record.kind());
            return created;
        } finally {
            // a replacement changed a record a reader may hold: not journaled, so readers rescan
            journal.end(created ? version : 0, List.of(record.id()));
        }
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
        AppendJournal journal = journals.get(kind);
        journal.begin();
        List<String> inserted = List.of();
        long version = 0;
        try {
            inserted = insertMany(kind, documents, ids);
            if (!inserted.isEmpty()) {
                version = bump(kind);
            }
            return inserted;
        } finally {
            journal.end(version, inserted);
        }
    }

    /** One unordered insertMany; @return the ids inserted (duplicates of stored ids left out) */
    private List<String> insertMany(RecordKind kind, List<Document> documents, List<String> ids) {
        try {
            collections.get(kind).insertMany(documents, new InsertManyOptions().ordered(false));
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

    @Override
    public long transactionsVersion() {
        return version(RecordKind.TRANSACTIONS);
    }

    /** The write counter of one kind (0 if never written). */
    public long version(RecordKind kind) {
        Document d = versions.find(eq("_id", kind.wire())).first();
        return d == null ? 0 : ((Number) d.get("version")).longValue();
    }

    /**
     * After a write (several servers may write: a counter in the database, not in memory).
     *
     * @return the counter value this bump produced (each bump its own)
     */
    private long bump(RecordKind kind) {
        Document after = versions.findOneAndUpdate(eq("_id", kind.wire()),
                new Document("$inc", new Document("version", 1L)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) after.get("version")).longValue();
    }

    public Optional<CustomerRecord> find(RecordKind kind, String id) {
        return Optional.ofNullable(collections.get(kind).find(eq("_id", id)).first()).map(d -> fromDocument(kind, d));
    }

    public long count(RecordKind kind) {
        return collections.get(kind).countDocuments();
    }

    /**
     * Visits every transaction, in no particular order: the embedded store sorts in memory, which for millions of
     * transactions holds them all as documents at once; callers order them in primitive columns instead
     * ({@code PurchaseHistory.Collector}).
     */
    @Override
    public PurchasesRead readPurchases(PurchaseVisitor visitor) {
        AppendJournal journal = journals.get(RecordKind.TRANSACTIONS);
        long quiet = journal.quietWrites();
        long version = version(RecordKind.TRANSACTIONS);
        visitPurchases(collections.get(RecordKind.TRANSACTIONS).find(), visitor);
        boolean exact = quiet >= 0 && version(RecordKind.TRANSACTIONS) == version && journal.quietWrites() == quiet;
        return new PurchasesRead(version, exact);
    }

    /**
     * The added transactions come from this node's {@link AppendJournal}, by primary key (a few milliseconds per
     * thousand on the embedded store).
     */
    @Override
    public OptionalLong readPurchasesAddedSince(long version, PurchaseVisitor visitor) {
        long now = version(RecordKind.TRANSACTIONS);
        Optional<List<String>> added = journals.get(RecordKind.TRANSACTIONS).addedBetween(version, now);
        if (added.isEmpty()) {
            return OptionalLong.empty();
        }
        List<String> ids = added.get();
        for (int from = 0; from < ids.size(); from += 1_000) {
            visitPurchases(collections.get(RecordKind.TRANSACTIONS)
                    .find(in("_id", ids.subList(from, Math.min(ids.size(), from + 1_000)))), visitor);
        }
        return OptionalLong.of(now);
    }

    private static void visitPurchases(FindIterable<Document> found, PurchaseVisitor visitor) {
        found.projection(Projections.include("customer", "date", "amount", "touchpoint"))
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
