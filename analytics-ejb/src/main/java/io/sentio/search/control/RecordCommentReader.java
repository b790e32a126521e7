package io.sentio.search.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.InvalidCommentException;
import io.sentio.search.entity.ScoreBand;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;

import static com.mongodb.client.model.Indexes.ascending;

/**
 * Reads the free text of customer records out of the {@code interactions} and {@code community} collections
 * (owned by {@code io.sentio.customers}; read-only here, so the search component depends only on the stored
 * shape, not on that component's classes).
 *
 * <p>Document shape relied on: {@code _id} (record id), {@code customer}, {@code date} (Date) and
 * {@code storedAt} (Date, stamped by the store just before every insert or replace; records written before
 * the stamp existed lack it and are found only by a full read). Interactions: {@code note} is the text,
 * {@code touchpoint} the touchpoint. Community: {@code text} is the text, {@code kind} decides the source
 * ({@code post}, {@code reply}, {@code answer}; praise, referrals and reads are activity, not comments), and
 * the touchpoint is {@value #COMMUNITY_TOUCHPOINT}.
 *
 * <p>A comment's id is {@code <collection>/<record id>}, one per record. Records are replaced in place, so
 * {@link #apply} also removes that id when the record no longer gives a comment (note cleared, kind changed).
 *
 * <p>Touchpoints of interactions are free text (up to 1,000 characters) while the index keeps slugs: they are
 * lower-cased, every run of characters other than {@code a-z 0-9 _ -} becomes one {@code -}, leading and
 * trailing {@code -}/{@code _} are dropped and the result is cut to 40 characters ({@code "Call Centre"} →
 * {@code call-centre}); a touchpoint with nothing left is {@value #OTHER_TOUCHPOINT}. Interaction touchpoints
 * that are already slugs (the documented ones: web, phone, store, ...) are unchanged.
 */
public final class RecordCommentReader implements CommentReader {

    private static final System.Logger LOG = System.getLogger(RecordCommentReader.class.getName());
    static final String STORED_AT = "storedAt";
    static final String COMMUNITY_TOUCHPOINT = "community";
    static final String OTHER_TOUCHPOINT = "other";

    /** The two record collections with text. */
    public enum Kind {
        INTERACTIONS("interactions", "note"),
        COMMUNITY("community", "text");

        private final String collection;
        private final String textField;

        Kind(String collection, String textField) {
            this.collection = collection;
            this.textField = textField;
        }
    }

    private final Kind kind;
    private final MongoCollection<Document> records;

    public RecordCommentReader(MongoDatabase database, Kind kind) {
        this.kind = kind;
        this.records = database.getCollection(kind.collection);
    }

    @Override
    public String collection() {
        return kind.collection;
    }

    @Override
    public String positionKey() {
        return kind.collection;
    }

    @Override
    public void ensureIndexes() {
        records.createIndex(ascending(STORED_AT, "_id"));
    }

    @Override
    public long estimatedCount() {
        return records.estimatedDocumentCount();
    }

    @Override
    public void forEachSince(Instant since, Consumer<Document> sink) {
        CommentReader.forEachStampedSince(records, STORED_AT, since, sink);
    }

    @Override
    public void forEachOf(Collection<String> ids, Consumer<Document> sink) {
        CommentReader.forEachWithId(records, ids, sink);
    }

    @Override
    public Instant stamp(Document record) {
        Date date = record.getDate(STORED_AT);
        return date == null ? null : date.toInstant();
    }

    @Override
    public int apply(Document record, CommentIndex index) {
        if (!(record.get("_id") instanceof String id)) {
            return 0;
        }
        Optional<CommentDocument> comment = comment(record);
        if (comment.isPresent()) {
            index.index(comment.get());
            return 1;
        }
        String commentId = commentId(id);
        if (CommentDocument.isReference(commentId)) {
            index.delete(commentId);
        }
        return 0;
    }

    /** The comment of one record, empty when it has no text, is not a commenting kind, or cannot be indexed (logged). */
    public Optional<CommentDocument> comment(Document record) {
        Object rawId = record.get("_id");
        Object rawText = record.get(kind.textField);
        Date date = record.getDate("date");
        if (!(rawId instanceof String id) || !(rawText instanceof String text) || text.isBlank() || date == null) {
            return Optional.empty();
        }
        CommentSource source;
        String touchpoint;
        if (kind == Kind.INTERACTIONS) {
            source = CommentSource.INTERACTION;
            touchpoint = slug(record.getString("touchpoint"));
        } else {
            source = communitySource(record.getString("kind"));
            if (source == null) {
                return Optional.empty();
            }
            touchpoint = COMMUNITY_TOUCHPOINT;
        }
        String customer = record.getString("customer");
        String capped = text.length() > CommentDocument.MAX_TEXT_LENGTH ? text.substring(0, CommentDocument.MAX_TEXT_LENGTH) : text;
        try {
            return Optional.of(new CommentDocument(commentId(id), source, null, null, touchpoint, null,
                    date.toInstant(), ScoreBand.NONE, null,
                    CommentDocument.isReference(customer) ? customer : null, null, capped));
        } catch (InvalidCommentException e) {
            LOG.log(Level.WARNING, "{0} record {1} is not indexed: {2}", kind.collection, id, e.getMessage());
            return Optional.empty();
        }
    }

    private String commentId(String recordId) {
        return kind.collection + "/" + recordId;
    }

    private static CommentSource communitySource(String communityKind) {
        if (communityKind == null) {
            return null;
        }
        return switch (communityKind) {
            case "post" -> CommentSource.POST;
            case "reply" -> CommentSource.REPLY;
            case "answer" -> CommentSource.ANSWER;
            default -> null;
        };
    }

    /** The touchpoint slug of a free-text touchpoint (see the class comment). */
    static String slug(String touchpoint) {
        if (touchpoint == null) {
            return OTHER_TOUCHPOINT;
        }
        String slug = touchpoint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        slug = slug.replaceAll("[-_]+$", "");
        return slug.isEmpty() ? OTHER_TOUCHPOINT : slug;
    }
}
