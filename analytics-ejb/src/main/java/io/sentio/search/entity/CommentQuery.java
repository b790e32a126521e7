package io.sentio.search.entity;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A comment search: query text plus filters, one page of {@code size} hits after an opaque cursor.
 *
 * <p>Invariants: {@code text} at most {@value #MAX_TEXT_LENGTH} characters (blank means "all comments");
 * {@code size} in 1..{@value #MAX_SIZE}; {@code from} strictly before {@code to} when both are given
 * ({@code from} inclusive, {@code to} exclusive); {@code after} at most {@value #MAX_CURSOR_LENGTH}
 * characters. Filters restrict the result set; the query text is always matched in every language
 * field, so an English or Chinese query finds comments whatever the language filter.
 *
 * @param text user query: words, "phrases", AND/OR/NOT, +/-, trailing {@code *} (nullable)
 * @param touchpoint touchpoint filter (nullable)
 * @param language language filter (nullable)
 * @param sentiment sentiment filter (nullable)
 * @param source source filter: responses, posts, replies, answers or interaction notes (nullable)
 * @param from earliest date, inclusive (nullable)
 * @param to latest date, exclusive (nullable)
 * @param size page size
 * @param after cursor returned as {@code next} by the previous page (nullable: first page)
 * @param order newest first (stable under index changes) or by relevance
 */
public record CommentQuery(
        String text,
        String touchpoint,
        CommentLanguage language,
        Sentiment sentiment,
        CommentSource source,
        Instant from,
        Instant to,
        int size,
        String after,
        Order order) {

    public static final int MAX_TEXT_LENGTH = 1_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_CURSOR_LENGTH = 2_048;
    private static final Pattern TOUCHPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /** Result order. */
    public enum Order {
        /** Date descending, then id: a cursor stays valid while the index changes. */
        NEWEST,
        /** BM25 score, then date and id; scores move when the index changes, so pages may shift. */
        RELEVANCE
    }

    public CommentQuery {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQueryException("q: " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
        }
        if (text != null && text.isBlank()) {
            text = null;
        }
        if (touchpoint != null && !TOUCHPOINT.matcher(touchpoint).matches()) {
            throw new InvalidQueryException("touchpoint: must match " + TOUCHPOINT.pattern());
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size: " + size + " is outside 1.." + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from: must be before to");
        }
        if (after != null && after.isEmpty()) {
            after = null;
        }
        if (after != null && after.length() > MAX_CURSOR_LENGTH) {
            throw new InvalidQueryException("after: cursor is too long");
        }
        if (order == null) {
            order = Order.NEWEST;
        }
    }

    /** First page of the default size for a query text, no filters. */
    public static CommentQuery of(String text) {
        return new CommentQuery(text, null, null, null, null, null, null, DEFAULT_SIZE, null, Order.NEWEST);
    }

    public CommentQuery withSize(int newSize) {
        return new CommentQuery(text, touchpoint, language, sentiment, source, from, to, newSize, after, order);
    }

    public CommentQuery withAfter(String cursor) {
        return new CommentQuery(text, touchpoint, language, sentiment, source, from, to, size, cursor, order);
    }

    public CommentQuery withTouchpoint(String tp) {
        return new CommentQuery(text, tp, language, sentiment, source, from, to, size, after, order);
    }

    public CommentQuery withLanguage(CommentLanguage l) {
        return new CommentQuery(text, touchpoint, l, sentiment, source, from, to, size, after, order);
    }

    public CommentQuery withSentiment(Sentiment s) {
        return new CommentQuery(text, touchpoint, language, s, source, from, to, size, after, order);
    }

    public CommentQuery withSource(CommentSource s) {
        return new CommentQuery(text, touchpoint, language, sentiment, s, from, to, size, after, order);
    }

    public CommentQuery withPeriod(Instant f, Instant t) {
        return new CommentQuery(text, touchpoint, language, sentiment, source, f, t, size, after, order);
    }

    public CommentQuery withOrder(Order o) {
        return new CommentQuery(text, touchpoint, language, sentiment, source, from, to, size, after, o);
    }
}
