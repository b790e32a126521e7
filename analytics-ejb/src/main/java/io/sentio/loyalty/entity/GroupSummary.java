package io.sentio.loyalty.entity;

/**
 * Retention, churn, win-back and return on customer of one group of a period's breakdown ({@link Breakdown}).
 * Counts as in {@link PeriodSummary}, restricted to the group's {@code customers}; {@code revenue} is what those
 * customers spent in the period; equity is &Sigma; CLV of those customers at the start (those acquired by then) and
 * at the end; ROC = (revenue + equityAtEnd &minus; equityAtStart) / equityAtStart (Peppers &amp; Rogers 2005).
 * {@code churnedBeforeStart} = the group's customers acquired before the start but not alive then, {@code wonBack}
 * = those of them with a purchase in the period, {@code winBackRate} = wonBack / churnedBeforeStart; the three are
 * null for groups formed from the customers alive at the start (tier, touchpoint), which hold no earlier churner.
 * Rates and ROC are null where undefined.
 */
public record GroupSummary(long customers, long aliveAtStart, long retained, long churned, Double retentionRate,
                           Double churnRate, double revenue, Double equityAtStart, Double equityAtEnd,
                           Double returnOnCustomer, Long churnedBeforeStart, Long wonBack, Double winBackRate) {

    public GroupSummary {
        if (retained + churned != aliveAtStart || aliveAtStart > customers || retained < 0 || churned < 0) {
            throw new InvalidLoyaltyDataException("group counts are inconsistent");
        }
        if ((churnedBeforeStart == null) != (wonBack == null) || churnedBeforeStart != null
                && (wonBack < 0 || wonBack > churnedBeforeStart || aliveAtStart + churnedBeforeStart > customers)) {
            throw new InvalidLoyaltyDataException("group win-back counts are inconsistent");
        }
    }
}
