package io.sentio.search.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.InvalidCommentException;
import io.sentio.search.entity.ScoreBand;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;

import static com.mongodb.client.model.Indexes.ascending;

/**
 * Reads survey comments out of the {@code responses} collection (owned by {@code io.sentio.responses};
 * this class only reads it, so the search component does not depend on that component's classes).
 *
 * <p>Document shape relied on: {@code _id} (response id), {@code deployment}, {@code touchpoint},
 * {@code language}, {@code answers} (sub-document; {@code COMMENT} is the free text, other string answers
 * are free text too), {@code receivedAt} (Date), {@code customer} (invitations only), {@code NPS} (0-10)
 * among the answers giving the score band.
 *
 * <p>Order: {@code (receivedAt, _id)} ascending. {@code receivedAt} is taken before the insert, so a write
 * can become visible after a later-stamped one: callers re-read an overlap window (see {@link CommentFeed}).
 */
public final class ResponseCommentReader implements CommentReader {

    private static final System.Logger LOG = System.getLogger(ResponseCommentReader.class.getName());
    static final String COMMENT_ITEM = "COMMENT";
    static final String NPS_ITEM = "NPS";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

    private final MongoCollection<Document> responses;

    public ResponseCommentReader(MongoDatabase database) {
        this.responses = database.getCollection("responses");
    }

    @Override
    public String collection() {
        return "responses";
    }

    /** {@code receivedAt}: the key the index's commit data has used since before other sources existed. */
    @Override
    public String positionKey() {
        return "receivedAt";
    }

    /** The catch-up order's index (real MongoDB uses it; the embedded store scans). */
    @Override
    public void ensureIndexes() {
        responses.createIndex(ascending("receivedAt", "_id"));
    }

    @Override
    public long estimatedCount() {
        return responses.estimatedDocumentCount();
    }

    @Override
    public void forEachSince(Instant since, Consumer<Document> sink) {
        CommentReader.forEachStampedSince(responses, "receivedAt", since, sink);
    }

    @Override
    public void forEachOf(Collection<String> ids, Consumer<Document> sink) {
        CommentReader.forEachWithId(responses, ids, sink);
    }

    /** When the response was received (null when the document lacks it). */
    public static Instant receivedAt(Document response) {
        Date date = response.getDate("receivedAt");
        return date == null ? null : date.toInstant();
    }

    @Override
    public Instant stamp(Document response) {
        return receivedAt(response);
    }

    /** A response is written once and never changed, so its comments are only ever added. */
    @Override
    public int apply(Document response, CommentIndex index) {
        List<CommentDocument> comments = comments(response);
        comments.forEach(index::index);
        return comments.size();
    }

    /**
     * The comments of one response: every non-blank string answer, {@code COMMENT} first, each with id
     * {@code responseId/item}. Empty when the response has no free text or cannot be indexed (logged).
     */
    public static List<CommentDocument> comments(Document response) {
        Object rawId = response.get("_id");
        Document answers = response.get("answers") instanceof Document d ? d : null;
        Instant date = receivedAt(response);
        if (!(rawId instanceof String id) || answers == null || date == null) {
            return List.of();
        }
        List<Map.Entry<String, String>> texts = new ArrayList<>();
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            if (answer.getValue() instanceof String text && !text.isBlank()) {
                String capped = text.length() > CommentDocument.MAX_TEXT_LENGTH
                        ? text.substring(0, CommentDocument.MAX_TEXT_LENGTH) : text;
                if (answer.getKey().equals(COMMENT_ITEM)) {
                    texts.addFirst(Map.entry(answer.getKey(), capped));
                } else {
                    texts.add(Map.entry(answer.getKey(), capped));
                }
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        ScoreBand band = scoreBand(answers.get(NPS_ITEM));
        String customer = response.getString("customer");
        if (customer != null && !CommentDocument.isReference(customer)) {
            customer = null; // cannot be a customer record id either (those have no control characters)
        }
        String deployment = response.getString("deployment");
        List<CommentDocument> comments = new ArrayList<>(texts.size());
        for (Map.Entry<String, String> text : texts) {
            try {
                comments.add(new CommentDocument(id + "/" + text.getKey(), CommentSource.RESPONSE, id,
                        deployment != null && TOKEN.matcher(deployment).matches() ? deployment : null,
                        response.getString("touchpoint"), response.getString("language"), date, band, null,
                        customer, null, text.getValue()));
            } catch (InvalidCommentException e) {
                LOG.log(Level.WARNING, "Response {0}, answer {1} is not indexed: {2}", id, text.getKey(), e.getMessage());
            }
        }
        return comments;
    }

    private static ScoreBand scoreBand(Object nps) {
        if (nps instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.intValue() >= 0 && n.intValue() <= 10) {
            return ScoreBand.ofNps(n.intValue());
        }
        return ScoreBand.NONE;
    }
}
