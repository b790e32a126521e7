package io.sentio.loyalty.entity;

import java.util.Map;

/**
 * Weights of community activities in the engagement score: score = &Sigma; over kinds of weight &times; count in
 * the window. The defaults rank activities by the effort they take and the value they give other members: a
 * referral brings a customer (5), an answer solves someone's problem (4), a post starts a discussion (3), a reply
 * continues one (2), praise is a click (1), a read is passive (0.1, so that many reads never outweigh a post
 * unless they are 30 of them). Weights must be finite and &ge; 0.
 */
public record EngagementWeights(double read, double post, double reply, double answer, double praise,
                                double referral) {

    public static final EngagementWeights DEFAULT = new EngagementWeights(0.1, 3, 2, 4, 1, 5);

    public EngagementWeights {
        for (Map.Entry<String, Double> w : Map.of("read", read, "post", post, "reply", reply, "answer", answer,
                "praise", praise, "referral", referral).entrySet()) {
            if (!(w.getValue() >= 0) || !Double.isFinite(w.getValue())) {
                throw new InvalidLoyaltyDataException("the weight of " + w.getKey() + " must be finite and >= 0, was "
                        + w.getValue(), 0, w.getKey() + "Weight");
            }
        }
    }

    /** The weight of a community record kind (post, reply, answer, praise, referral, read). */
    public double of(String kind) {
        return switch (kind) {
            case "read" -> read;
            case "post" -> post;
            case "reply" -> reply;
            case "answer" -> answer;
            case "praise" -> praise;
            case "referral" -> referral;
            default -> throw new InvalidLoyaltyDataException("unknown community activity " + kind, 0, "kind");
        };
    }
}
