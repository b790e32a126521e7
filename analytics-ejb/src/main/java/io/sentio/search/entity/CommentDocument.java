package io.sentio.search.entity;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One comment as indexed: a free-text survey answer, a community post or reply, or an interaction note.
 *
 * <p>Invariants: {@code id} is unique across all sources (the index upserts by it; e.g.
 * {@code responseId + "/" + question}, {@code interactions/<record id>}) and, like {@code customerRef}, is
 * 1..{@value #MAX_REFERENCE_LENGTH} characters without control characters (record ids are chosen by the
 * customer-data importer, not by Sentio; the index holds both as opaque keywords); the other identifiers
 * and {@code touchpoint} are short tokens; {@code text}
 * is non-blank and at most {@value #MAX_TEXT_LENGTH} characters. {@code responseId} is required for
 * {@link CommentSource#RESPONSE} comments. {@code languageTag} is the survey or post language as given
 * (may be null): the index decides the analysis language from it and the script of the text.
 * {@code sentiment} may be null: the index then scores the text itself.
 *
 * @param id unique comment id
 * @param source where the comment comes from
 * @param responseId the survey response (null for posts and interactions without a response)
 * @param deployment the survey deployment or community space (nullable)
 * @param touchpoint touchpoint token such as {@code web}, {@code phone}, {@code store}
 * @param languageTag BCP 47 tag of the language the comment was written in (nullable)
 * @param date when the comment was written
 * @param scoreBand band of the response's score, {@link ScoreBand#NONE} when there is none
 * @param sentiment sentiment when already known (nullable: computed at indexing)
 * @param customerRef the customer, for erasure on request (nullable, e.g. anonymous responses)
 * @param customerSegment the customer's segment when known (nullable)
 * @param text the comment text
 */
public record CommentDocument(
        String id,
        CommentSource source,
        String responseId,
        String deployment,
        String touchpoint,
        String languageTag,
        Instant date,
        ScoreBand scoreBand,
        Sentiment sentiment,
        String customerRef,
        String customerSegment,
        String text) {

    public static final int MAX_TEXT_LENGTH = 50_000;
    /** Longest comment id or customer reference: a 200-character record id with its collection prefix. */
    public static final int MAX_REFERENCE_LENGTH = 250;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
    private static final Pattern TOUCHPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public CommentDocument {
        requireReference("id", id, true);
        if (source == null) {
            throw new InvalidCommentException("source: is required");
        }
        requireToken("responseId", responseId, source == CommentSource.RESPONSE);
        requireToken("deployment", deployment, false);
        requireReference("customerRef", customerRef, false);
        requireToken("customerSegment", customerSegment, false);
        if (touchpoint == null || !TOUCHPOINT.matcher(touchpoint).matches()) {
            throw new InvalidCommentException("touchpoint: '" + touchpoint + "' must match " + TOUCHPOINT.pattern());
        }
        if (languageTag != null && languageTag.length() > 35) {
            throw new InvalidCommentException("languageTag: longer than 35 characters");
        }
        if (date == null) {
            throw new InvalidCommentException("date: is required");
        }
        if (scoreBand == null) {
            scoreBand = ScoreBand.NONE;
        }
        if (text == null || text.isBlank()) {
            throw new InvalidCommentException("text: must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidCommentException("text: " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
        }
    }

    /** A survey comment with the fields every response has; the rest unknown. */
    public static CommentDocument ofResponse(String id, String responseId, String touchpoint, String languageTag,
                                             Instant date, String text) {
        return new CommentDocument(id, CommentSource.RESPONSE, responseId, null, touchpoint, languageTag, date,
                ScoreBand.NONE, null, null, null, text);
    }

    /** This comment with its sentiment set (used when the index scored it). */
    public CommentDocument withSentiment(Sentiment s) {
        return new CommentDocument(id, source, responseId, deployment, touchpoint, languageTag, date, scoreBand, s,
                customerRef, customerSegment, text);
    }

    private static void requireToken(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidCommentException(field + ": is required");
            }
            return;
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidCommentException(field + ": '" + abbreviate(value) + "' must match " + TOKEN.pattern());
        }
    }

    /** Whether {@code value} can be held as an id or customer reference (see the class invariants). */
    public static boolean isReference(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_REFERENCE_LENGTH
                && value.chars().noneMatch(Character::isISOControl);
    }

    private static void requireReference(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidCommentException(field + ": is required");
            }
            return;
        }
        if (!isReference(value)) {
            throw new InvalidCommentException(field + ": '" + abbreviate(value) + "' must be 1.." + MAX_REFERENCE_LENGTH
                    + " characters without control characters");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
