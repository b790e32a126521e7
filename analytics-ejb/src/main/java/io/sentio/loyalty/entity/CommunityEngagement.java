package io.sentio.loyalty.entity;

import java.util.List;
import java.util.Map;

/**
 * Community engagement in a window: the {@code customers} with any activity split into silent readers (only
 * reads), the active core (the top 10% of contributors by score, see
 * {@link io.sentio.loyalty.control.CommunityScorer}) and other contributors; shares are of
 * {@code customers} and null when there are none. {@code top} lists the highest scores, best first.
 */
public record CommunityEngagement(EngagementWeights weights, long customers, Group silentReaders, Group activeCore,
                                  Group otherContributors, Double meanScore, List<CustomerEngagement> top) {

    /** A group's size, its share of the active customers and its lowest score. */
    public record Group(long customers, Double share, Double minScore) {
    }

    /** One customer's score and activity counts by kind. */
    public record CustomerEngagement(String customer, double score, Map<String, Long> counts) {
        public CustomerEngagement {
            counts = Map.copyOf(counts);
        }
    }

    public CommunityEngagement {
        if (silentReaders.customers() + activeCore.customers() + otherContributors.customers() != customers) {
            throw new InvalidLoyaltyDataException("engagement groups must partition the active customers");
        }
        top = List.copyOf(top);
    }
}
