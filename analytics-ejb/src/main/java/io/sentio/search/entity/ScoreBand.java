package io.sentio.search.entity;

import java.util.Locale;

/**
 * The score band of the response a comment belongs to: NPS class (0-6 detractor, 7-8 passive, 9-10
 * promoter) or, for satisfaction items, a low/medium/high band; {@link #NONE} when the comment has no
 * score (community posts, interactions).
 */
public enum ScoreBand {
    DETRACTOR, PASSIVE, PROMOTER, LOW, MEDIUM, HIGH, NONE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** NPS class of a 0-10 likelihood-to-recommend answer (Reichheld 2003). */
    public static ScoreBand ofNps(int score) {
        if (score < 0 || score > 10) {
            throw new InvalidCommentException("scoreBand: NPS score " + score + " is outside 0..10");
        }
        return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
    }

    public static ScoreBand fromTag(String tag) {
        if (tag != null) {
            for (ScoreBand b : values()) {
                if (b.tag().equals(tag)) {
                    return b;
                }
            }
        }
        throw new InvalidQueryException("scoreBand: '" + tag + "' is not a known score band");
    }
}
