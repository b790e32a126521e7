package io.sentio.loyalty.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' answers to the exit-survey item {@value #ITEM}: a survey response linked to a customer (invitation
 * deployments) that answers an item named {@value #ITEM} (e.g. a radiogroup or dropdown added as an extra
 * question) gives that answer as a churn reason, dated by when the response was received. Immutable once built.
 */
public final class ExitAnswers {

    /** The exit-survey item whose answer is a churn reason. */
    public static final String ITEM = "CHURN_REASON";

    /** One answer on an epoch day (UTC). */
    public record Answer(int day, String reason) {
    }

    private final Map<String, List<Answer>> byCustomer;

    private ExitAnswers(Map<String, List<Answer>> byCustomer) {
        this.byCustomer = byCustomer;
    }

    /** The customer's answers received on days in [from, to]. */
    public List<Answer> between(String customer, int from, int to) {
        return byCustomer.getOrDefault(customer, List.of()).stream()
                .filter(a -> a.day() >= from && a.day() <= to).toList();
    }

    /** Collects answers in any order. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Answer>> byCustomer = new HashMap<>();

        /** Ignores answers that are absent or blank. */
        public void accept(String customer, long epochDay, Object answer) {
            if (customer == null || answer == null || answer.toString().isBlank()) {
                return;
            }
            byCustomer.computeIfAbsent(customer, c -> new ArrayList<>())
                    .add(new Answer(Math.toIntExact(epochDay), answer.toString().strip()));
        }

        public ExitAnswers build() {
            Map<String, List<Answer>> copy = new HashMap<>();
            byCustomer.forEach((customer, answers) -> copy.put(customer, List.copyOf(answers)));
            return new ExitAnswers(copy);
        }
    }
}
