package io.sentio.loyalty.entity;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loyalty and value figures of one calendar period [{@code start}, {@code end}); see docs/loyalty.md for how each
 * is computed. The last period is not {@code complete} when the data end before it does: its figures are to date,
 * and {@code end} is the day after the latest purchase or interaction. Rates, concentration figures, equity and ROC are null where undefined (no customer alive at the
 * start, no revenue in the period, a model that cannot be fitted, equity at the start not positive).
 * {@code churnedBeforeStart} counts the customers acquired before the start but not alive then; {@code wonBack}
 * those of them who purchased in the period. {@code breakdown} (null when none was asked for) holds the figures
 * per group, by group name.
 */
public record PeriodSummary(String period, LocalDate start, LocalDate end, boolean complete, long customers,
                            long active,
                            long aliveAtStart, long retained, long churned, Double retentionRate, Double churnRate,
                            double revenue, Map<String, Long> rfmSegments, Double paretoShare, Double gini,
                            Map<String, Long> valueTiers, Double equityAtStart, Double equityAtEnd,
                            Double returnOnCustomer, long churnedBeforeStart, long wonBack, Double winBackRate,
                            Map<String, GroupSummary> breakdown) {

    public PeriodSummary {
        if (period == null || start == null || end == null || !start.isBefore(end)) {
            throw new InvalidLoyaltyDataException("a period needs a name and start < end");
        }
        if (retained + churned != aliveAtStart || active > customers) {
            throw new InvalidLoyaltyDataException("period counts are inconsistent");
        }
        if (wonBack > churnedBeforeStart || wonBack > active) {
            throw new InvalidLoyaltyDataException("win-back counts are inconsistent");
        }
        rfmSegments = Map.copyOf(rfmSegments);
        breakdown = breakdown == null ? null : Collections.unmodifiableMap(new TreeMap<>(breakdown));
        valueTiers = Map.copyOf(valueTiers);
    }
}
