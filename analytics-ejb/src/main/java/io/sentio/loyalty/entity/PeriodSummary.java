package io.sentio.loyalty.entity;

import java.time.LocalDate;
import java.util.Map;

/**
 * Loyalty and value figures of one calendar period [{@code start}, {@code end}); see docs/loyalty.md for how each
 * is computed. Rates, concentration figures, equity and ROC are null where undefined (no customer alive at the
 * start, no revenue in the period, a model that cannot be fitted, equity at the start not positive).
 */
public record PeriodSummary(String period, LocalDate start, LocalDate end, long customers, long active,
                            long aliveAtStart, long retained, long churned, Double retentionRate, Double churnRate,
                            double revenue, Map<String, Long> rfmSegments, Double paretoShare, Double gini,
                            Map<String, Long> valueTiers, Double equityAtStart, Double equityAtEnd,
                            Double returnOnCustomer) {

    public PeriodSummary {
        if (period == null || start == null || end == null || !start.isBefore(end)) {
            throw new InvalidLoyaltyDataException("a period needs a name and start < end");
        }
        if (retained + churned != aliveAtStart || active > customers) {
            throw new InvalidLoyaltyDataException("period counts are inconsistent");
        }
        rfmSegments = Map.copyOf(rfmSegments);
        valueTiers = Map.copyOf(valueTiers);
    }
}
