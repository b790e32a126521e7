package io.sentio.search.entity;

import java.util.Locale;

/** Polarity class of a comment, as returned in search hits and counted in facets. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sentiment fromTag(String tag) {
        if (tag != null) {
            for (Sentiment s : values()) {
                if (s.tag().equals(tag)) {
                    return s;
                }
            }
        }
        throw new InvalidQueryException("sentiment: '" + tag + "' is not one of positive, neutral, negative");
    }
}
