package io.sentio.loyalty.entity;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reasons of the customers who churned in [{@code start}, {@code end}) (to date when not {@code complete}, as
 * in {@link PeriodSummary}), most frequent first;
 * {@code unexplained} = churned customers with no reason at all. Shares need not add up to 1: a customer may give
 * several reasons. {@code breakdown} (null when none was asked for) holds the same figures per group of churners
 * that has any (by profile segment), by group name.
 */
public record PeriodChurnReasons(String period, LocalDate start, LocalDate end, boolean complete, long churned,
                                 long unexplained, List<ChurnReason> reasons, Map<String, GroupChurnReasons> breakdown) {

    public PeriodChurnReasons {
        if (unexplained < 0 || unexplained > churned) {
            throw new InvalidLoyaltyDataException("unexplained churners must be between 0 and the churned customers");
        }
        reasons = List.copyOf(reasons);
        breakdown = breakdown == null ? null : Collections.unmodifiableMap(new TreeMap<>(breakdown));
    }
}
