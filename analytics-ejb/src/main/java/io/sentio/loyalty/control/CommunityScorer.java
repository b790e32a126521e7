package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CommunityEngagement;
import io.sentio.loyalty.entity.CommunityEngagement.CustomerEngagement;
import io.sentio.loyalty.entity.CommunityEngagement.Group;
import io.sentio.loyalty.entity.EngagementWeights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Community engagement score per customer and the split of the community into silent readers, an active core and
 * other contributors (docs/loyalty.md). Feed it the activities in the window; then:
 * <ul>
 * <li>score = &Sigma;<sub>kind</sub> weight(kind) &times; count(kind) ({@link EngagementWeights});</li>
 * <li>silent readers: customers whose only activity is reading (the "lurkers" of participation inequality,
 * Nielsen 2006, "The 90-9-1 rule");</li>
 * <li>contributors: customers with at least one post, reply, answer, praise or referral; the <em>active core</em>
 * is the top {@value #CORE_SHARE} of contributors by score: the &lceil;0.1 &times; contributors&rceil; highest
 * scores, and everyone tied with the lowest of them; the other contributors are the rest.</li>
 * </ul>
 * Memory: one small counter per active customer. Not thread-safe (one instance per request).
 */
public final class CommunityScorer {

    /** Share of contributors in the active core. */
    public static final double CORE_SHARE = 0.1;

    private static final List<String> KINDS = List.of("read", "post", "reply", "answer", "praise", "referral");

    private final EngagementWeights weights;
    private final Map<String, long[]> counts = new HashMap<>();

    public CommunityScorer(EngagementWeights weights) {
        this.weights = weights;
    }

    /** Counts one activity of a customer (kind as stored: read, post, reply, answer, praise, referral). */
    public void accept(String customer, String kind) {
        int k = KINDS.indexOf(kind);
        if (customer == null || k < 0) {
            throw new IllegalArgumentException("a community activity needs a customer and a known kind, was "
                    + customer + "/" + kind);
        }
        counts.computeIfAbsent(customer, c -> new long[KINDS.size()])[k]++;
    }

    /** @param size how many of the highest scores to list */
    public CommunityEngagement result(int size) {
        List<CustomerEngagement> readers = new ArrayList<>();
        List<CustomerEngagement> contributors = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            double score = 0;
            Map<String, Long> byKind = new LinkedHashMap<>();
            long contributions = 0;
            for (int k = 0; k < KINDS.size(); k++) {
                score += weights.of(KINDS.get(k)) * c[k];
                byKind.put(KINDS.get(k), c[k]);
                if (k > 0) {
                    contributions += c[k];
                }
            }
            total += score;
            (contributions == 0 ? readers : contributors).add(new CustomerEngagement(e.getKey(), score, byKind));
        }
        Comparator<CustomerEngagement> best = Comparator.comparingDouble(CustomerEngagement::score).reversed()
                .thenComparing(CustomerEngagement::customer);
        contributors.sort(best);
        int core = (int) Math.ceil(CORE_SHARE * contributors.size());
        if (core > 0) {
            double cut = contributors.get(core - 1).score();
            while (core < contributors.size() && contributors.get(core).score() == cut) {
                core++;
            }
        }
        long n = counts.size();
        List<CustomerEngagement> all = new ArrayList<>(contributors);
        all.addAll(readers);
        all.sort(best);
        return new CommunityEngagement(weights, n, group(readers, n), group(contributors.subList(0, core), n),
                group(contributors.subList(core, contributors.size()), n), n == 0 ? null : total / n,
                all.subList(0, Math.min(size, all.size())));
    }

    private static Group group(List<CustomerEngagement> members, long n) {
        return new Group(members.size(), n == 0 ? null : (double) members.size() / n,
                members.stream().mapToDouble(CustomerEngagement::score).min().stream().boxed().findFirst().orElse(null));
    }
}
