package io.sentio.search.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One search hit. {@code snippet} is HTML: the comment text escaped, with the matched words wrapped in
 * {@code <mark>...</mark>}; no other markup can occur in it.
 */
public record CommentHit(
        String id,
        String source,
        String responseId,
        String touchpoint,
        String language,
        Instant date,
        String snippet,
        String sentiment) {

    public CommentHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
