package io.sentio.search.entity;

import java.util.Locale;

/**
 * Where a comment comes from: survey answers, community activity with text (posts, replies, answers to
 * questions) and interaction notes. Community answers keep their own value rather than being folded into
 * replies: an answer to a question is a different act from a reply in a discussion, and the facet shows it.
 */
public enum CommentSource {
    /** A free-text answer of a survey response. */
    RESPONSE,
    /** A community post. */
    POST,
    /** A reply to a community post. */
    REPLY,
    /** An answer to a question asked in the community. */
    ANSWER,
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
        throw new InvalidQueryException("source: '" + tag + "' is not one of response, post, reply, answer, interaction");
    }
}
