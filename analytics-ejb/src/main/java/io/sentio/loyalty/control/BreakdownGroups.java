package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTier;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The breakdown groups of a period [s, e) (docs/loyalty.md, Breakdowns), in one place so that the summary's
 * retention per group ({@link LoyaltySummarizer}) and the churn reasons per group ({@link ChurnReasonRanker}) group
 * the same customers the same way:
 * <ul>
 * <li>{@link Breakdown#SEGMENT}: the profile segment ({@link Breakdown#NONE} without one), for any customer;</li>
 * <li>{@link Breakdown#TIER}: for a customer alive at s, the value tier at s: revenue in the churn window
 * [s &minus; N, s), ranked among all customers alive at s with the cut points ({@link RevenueConcentration#tiers},
 * ties share a tier), so the tier groups partition the customers alive at s;</li>
 * <li>{@link Breakdown#TOUCHPOINT}: for a customer alive at s, every touchpoint of their transactions and
 * interactions in [s &minus; N, s) ({@link Breakdown#NONE} when none), so the groups overlap.</li>
 * </ul>
 * Tier and touchpoint groups are fixed at s and hold only customers alive at s: grouping by what happened in
 * [s, e) would put in a group only customers who bought in the period, who are retained by construction under
 * inactivity. Immutable and thread-safe (periods are computed in parallel).
 */
final class BreakdownGroups {

    private final Breakdown by;
    private final PurchaseHistory h;
    private final InteractionHistory interactions;
    private final Map<String, String> segments;
    private final int churnDays;
    private final ValueTierThresholds thresholds;

    /**
     * @param interactions needed for touchpoints (may be empty otherwise)
     * @param segments     profile segment by customer id, needed for segments (may be empty otherwise)
     * @param churnDays    N, the length of the window before s for tiers and touchpoints
     */
    BreakdownGroups(Breakdown by, PurchaseHistory h, InteractionHistory interactions, Map<String, String> segments,
                    int churnDays, ValueTierThresholds thresholds) {
        this.by = by;
        this.h = h;
        this.interactions = interactions;
        this.segments = segments;
        this.churnDays = churnDays;
        this.thresholds = thresholds;
    }

    Breakdown by() {
        return by;
    }

    /**
     * The groups at the start s of a period.
     *
     * @param alive every customer alive at s (indices into the history), ascending: the population the tiers are
     *              ranked in, and the only customers with tier or touchpoint groups
     */
    AtStart at(int s, int[] alive) {
        ValueTier[] tiers = null;
        if (by == Breakdown.TIER && alive.length > 0) {   // (an empty ranking is refused)
            double[] windowRevenue = new double[alive.length];
            for (int i = 0; i < alive.length; i++) {
                int c = alive[i];
                int from = h.start(c);
                int beforeStart = LoyaltySummarizer.firstAtOrAfter(h, from, h.end(c), s);
                windowRevenue[i] = LoyaltySummarizer.spendBefore(h, from, beforeStart) - LoyaltySummarizer.spendBefore(
                        h, from, LoyaltySummarizer.firstAtOrAfter(h, from, beforeStart, s - churnDays));
            }
            tiers = RevenueConcentration.tiers(windowRevenue, thresholds).toArray(ValueTier[]::new);
        }
        return new AtStart(s, alive.clone(), tiers);
    }

    /** The groups of one period start; see {@link #at}. */
    final class AtStart {
        private final int s;
        private final int[] alive;
        private final ValueTier[] tiers;

        private AtStart(int s, int[] alive, ValueTier[] tiers) {
            this.s = s;
            this.alive = alive;
            this.tiers = tiers;
        }

        /**
         * The names of customer {@code c}'s groups: one segment for any customer; for a customer alive at s one tier,
         * or every touchpoint they used in [s &minus; N, s); none for tier and touchpoint when not alive at s.
         */
        List<String> of(int c) {
            if (by == Breakdown.SEGMENT) {
                return List.of(segments.getOrDefault(h.customer(c), Breakdown.NONE));
            }
            int position = Arrays.binarySearch(alive, c);
            if (position < 0) {
                return List.of();
            }
            return by == Breakdown.TIER ? List.of(tiers[position].label()) : touchpoints(c);
        }

        /** Touchpoints of the customer's transactions and interactions in [s − N, s); {@link Breakdown#NONE} if none */
        private List<String> touchpoints(int c) {
            int windowStart = s - churnDays;
            Set<String> touchpoints = new TreeSet<>();
            for (int i = LoyaltySummarizer.firstAtOrAfter(h, h.start(c), h.end(c), windowStart);
                 i < h.end(c) && h.day(i) < s; i++) {
                if (h.touchpoint(i) != null) {
                    touchpoints.add(h.touchpoint(i));
                }
            }
            interactions.between(h.customer(c), windowStart, s).forEach(i -> touchpoints.add(i.touchpoint()));
            return touchpoints.isEmpty() ? List.of(Breakdown.NONE) : List.copyOf(touchpoints);
        }
    }
}
