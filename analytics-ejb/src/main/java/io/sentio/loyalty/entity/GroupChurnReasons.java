package io.sentio.loyalty.entity;

import java.util.List;

/**
 * The churn reasons of one group of a period's churners ({@link PeriodChurnReasons#breakdown()}): as the period's
 * totals, restricted to the group, so {@code share} = customers giving the reason / the group's {@code churned}.
 */
public record GroupChurnReasons(long churned, long unexplained, List<ChurnReason> reasons) {

    public GroupChurnReasons {
        if (churned < 1 || unexplained < 0 || unexplained > churned) {
            throw new InvalidLoyaltyDataException("a group of churners needs churned >= 1 and 0 <= unexplained"
                    + " <= churned");
        }
        reasons = List.copyOf(reasons);
    }
}
