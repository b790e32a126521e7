package io.sentio.loyalty.entity;

/**
 * One reason among a period's churned customers: {@code source} {@code interaction} (an interaction category,
 * {@code type} or {@code type/outcome}) or {@code survey} (an exit-survey answer); {@code customers} = churned
 * customers giving it (each at most once); {@code share} = customers / churned customers of the period.
 */
public record ChurnReason(String source, String reason, long customers, double share) {

    public ChurnReason {
        if (source == null || reason == null || customers < 1 || !(share > 0 && share <= 1)) {
            throw new InvalidLoyaltyDataException("a churn reason needs a source, a reason, customers >= 1 and a share"
                    + " in (0, 1]");
        }
    }
}
