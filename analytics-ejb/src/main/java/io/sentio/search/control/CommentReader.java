package io.sentio.search.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.function.Consumer;
import org.bson.Document;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.orderBy;

/**
 * A MongoDB collection the comment index is derived from, read-only: survey responses
 * ({@link ResponseCommentReader}) or customer records with free text ({@link RecordCommentReader}).
 *
 * <p>Every document carries a write stamp taken just before it is written ({@code receivedAt} for
 * responses, {@code storedAt} for records). {@link CommentFeed} keeps one position per reader, the latest
 * stamp indexed, and re-reads an overlap window before it, which is what makes a restart complete.
 */
public interface CommentReader {

    /** The collection read; also the name under which new ids are announced to the feed. */
    String collection();

    /** Key of this reader's position in the index commit data. */
    String positionKey();

    /** The index that serves {@link #forEachSince} on a real MongoDB (the embedded store scans). */
    void ensureIndexes();

    /** Cheap change hint: the number of stored documents (metadata only where the store supports it). */
    long estimatedCount();

    /**
     * Streams every document stamped at or after {@code since} (every document when null, including ones
     * written before stamps existed) in {@code (stamp, _id)} order, one cursor for the whole range.
     */
    void forEachSince(Instant since, Consumer<Document> sink);

    /**
     * Streams the documents with the given ids (unknown ids are skipped), in no particular order: an
     * {@code _id ∈ ids} read, which every store answers from the primary key.
     */
    void forEachOf(Collection<String> ids, Consumer<Document> sink);

    /** The document's write stamp (null when it has none: only a full read finds it). */
    Instant stamp(Document document);

    /**
     * Brings the index in line with one document: upserts its comments and removes any comment it had
     * before but no longer gives (records are replaced in place). Returns the number of comments indexed.
     */
    int apply(Document document, CommentIndex index);

    /** {@link #forEachSince} for a collection whose write stamp is the date field {@code stampField}. */
    static void forEachStampedSince(MongoCollection<Document> collection, String stampField, Instant since,
                                    Consumer<Document> sink) {
        var find = since == null ? collection.find() : collection.find(gte(stampField, Date.from(since)));
        try (MongoCursor<Document> cursor = find.sort(orderBy(ascending(stampField), ascending("_id")))
                .batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                sink.accept(cursor.next());
            }
        }
    }

    /** {@link #forEachOf} for any collection. */
    static void forEachWithId(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> sink) {
        if (!ids.isEmpty()) {
            collection.find(in("_id", ids)).forEach(sink::accept);
        }
    }
}
