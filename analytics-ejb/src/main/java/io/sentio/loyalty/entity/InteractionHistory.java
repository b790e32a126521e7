package io.sentio.loyalty.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every customer's interactions (service contacts, complaints, cancellations, ...) by day, as the loyalty analyses
 * need them: touchpoint, type and outcome. Immutable once built; build with {@link Builder} in any order.
 */
public final class InteractionHistory {

    /** One interaction on an epoch day (UTC); {@code outcome} may be null. */
    public record Interaction(int day, String touchpoint, String type, String outcome) {

        public Interaction {
            if (touchpoint == null || type == null) {
                throw new InvalidLoyaltyDataException("an interaction needs a touchpoint and a type");
            }
        }

        public boolean isCancellation() {
            return type.equalsIgnoreCase(ChurnRule.CANCELLATION_TYPE);
        }
    }

    private final Map<String, List<Interaction>> byCustomer;
    private final int lastDay;

    private InteractionHistory(Map<String, List<Interaction>> byCustomer) {
        this.byCustomer = byCustomer;
        this.lastDay = byCustomer.values().stream().mapToInt(list -> list.getLast().day()).max()
                .orElse(Integer.MIN_VALUE);
    }

    /** The day of the latest interaction, or {@link Integer#MIN_VALUE} when there is none. */
    public int lastDay() {
        return lastDay;
    }

    /** The customer's interactions on days in [from, to), oldest first. */
    public List<Interaction> between(String customer, int from, int to) {
        List<Interaction> all = byCustomer.getOrDefault(customer, List.of());
        int lo = firstOnOrAfter(all, from);
        int hi = firstOnOrAfter(all, to);
        return lo >= hi ? List.of() : all.subList(lo, hi);
    }

    /** Day of the customer's last cancellation before {@code day}, or {@link ChurnRule#NONE}. */
    public int lastCancellationBefore(String customer, int day) {
        List<Interaction> all = byCustomer.getOrDefault(customer, List.of());
        for (int i = firstOnOrAfter(all, day) - 1; i >= 0; i--) {
            if (all.get(i).isCancellation()) {
                return all.get(i).day();
            }
        }
        return ChurnRule.NONE;
    }

    private static int firstOnOrAfter(List<Interaction> sorted, int day) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).day() < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** No interactions at all. */
    public static InteractionHistory empty() {
        return new InteractionHistory(Map.of());
    }

    /** Collects interactions in any order. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Interaction>> byCustomer = new HashMap<>();

        public void accept(String customer, long epochDay, String touchpoint, String type, String outcome) {
            if (customer == null) {
                throw new InvalidLoyaltyDataException("an interaction needs a customer");
            }
            byCustomer.computeIfAbsent(customer, c -> new ArrayList<>())
                    .add(new Interaction(Math.toIntExact(epochDay), touchpoint, type, outcome));
        }

        public InteractionHistory build() {
            Map<String, List<Interaction>> sorted = new HashMap<>();
            byCustomer.forEach((customer, list) -> sorted.put(customer,
                    list.stream().sorted(Comparator.comparingInt(Interaction::day)).toList()));
            return new InteractionHistory(sorted);
        }
    }
}
