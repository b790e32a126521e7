package io.sentio.search.entity;

import java.util.Locale;

/** Where a comment comes from: the three kinds of attitudinal and interaction text Sentio keeps. */
public enum CommentSource {
    /** A free-text answer of a survey response. */
    RESPONSE,
    /** A community post. */
    POST,
    /** A reply to a community post. */
    REPLY,
    /** A note of a contact-centre, email or chat interaction. */
    INTERACTION;

    /** The lower-case tag used in the index and in JSON. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentSource fromTag(String tag) {
        if (tag != null) {
            for (CommentSource s : values()) {
                if (s.tag().equals(tag)) {
                    return s;
                }
            }
        }
        throw new InvalidQueryException("source: '" + tag + "' is not one of response, post, reply, interaction");
    }
}
