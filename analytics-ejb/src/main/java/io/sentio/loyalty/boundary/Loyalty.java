package io.sentio.loyalty.boundary;

import io.sentio.loyalty.control.ClvEstimator;
import io.sentio.loyalty.control.CustomerSummaryReader;
import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import io.sentio.customers.boundary.CustomerData;
import io.sentio.loyalty.control.PurchaseSummarizer;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import io.sentio.loyalty.control.LoyaltySummarizer;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.util.ArrayList;
import java.util.List;

/** Customer lifetime value and the other loyalty analyses, on a researcher's data or on stored customers. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Loyalty {

    @Inject
    CustomerData customerData;

    /** Longest horizon accepted: 10 years in weeks or days is plenty; beyond it the numbers mean little. */
    public static final double MAX_HORIZON = 3_660;

    /**
     * Fits BG/NBD and Gamma-Gamma to a customer summary CSV ({@code customer_id,frequency,recency,T,monetary})
     * and values every customer over {@code horizon} time units at {@code discountRate} per unit.
     */
    public ClvAnalysis clv(String csv, Double horizon, Double discountRate) {
        if (horizon == null || !(horizon > 0) || horizon > MAX_HORIZON) {
            throw DomainException.invalid("horizon", "must be a number of time units above 0 and at most " + MAX_HORIZON);
        }
        double rate = discountRate == null ? 0 : discountRate;
        if (!(rate >= 0) || rate >= 1) {
            throw DomainException.invalid("discountRate", "must be at least 0 and below 1 (per time unit)");
        }
        if (csv == null || csv.isBlank()) {
            throw DomainException.invalid("csv", "is required: customer_id,frequency,recency,T,monetary with a header row");
        }
        try {
            CustomerSummaries data = CustomerSummaryReader.read(csv);
            return ClvEstimator.fitAndAnalyse(data, horizon, rate);
        } catch (InvalidLoyaltyDataException e) {
            String field = "csv" + e.line().map(l -> " line " + l).orElse("") + e.column().map(c -> " column " + c).orElse("");
            throw DomainException.invalid(e.getMessage(), List.of(new Violation(field, e.getMessage())));
        }
    }

    /**
     * The same analysis on stored transactions: the calibration period ends at the end of {@code asOf} (UTC);
     * summaries per {@link PurchaseSummarizer} (distinct purchase days, times in weeks), so {@code horizon} is in
     * weeks and {@code discountRate} is per week.
     */
    public ClvAnalysis clvOfStoredTransactions(LocalDate asOf, Double horizon, Double discountRate) {
        if (asOf == null) {
            throw DomainException.invalid("asOf", "is required: the last day of the calibration period, YYYY-MM-DD");
        }
        requireParameters(horizon, discountRate);
        PurchaseSummarizer summarizer = new PurchaseSummarizer(asOf);
        customerData.forEachPurchase(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                (customer, date, amount) -> summarizer.accept(customer, LocalDate.ofInstant(date, ZoneOffset.UTC), amount));
        CustomerSummaries data;
        try {
            data = summarizer.summaries();
        } catch (InvalidLoyaltyDataException e) {
            throw DomainException.invalid("asOf", "no stored transactions on or before " + asOf);
        }
        try {
            return ClvEstimator.fitAndAnalyse(data, horizon, discountRate == null ? 0 : discountRate);
        } catch (InvalidLoyaltyDataException e) {
            throw DomainException.invalid("transactions", "cannot fit the models: " + e.getMessage());
        }
    }

    /** Most days accepted as the churn window: 10 years. */
    public static final int MAX_CHURN_DAYS = 3_660;

    /**
     * Loyalty and value figures per calendar period over all stored transactions (see {@link LoyaltySummarizer}
     * and docs/loyalty.md); customer equity over {@code horizon} weeks at {@code discountRate} per week.
     */
    public List<PeriodSummary> summary(String period, Integer churnDays, Double horizon, Double discountRate) {
        List<Violation> violations = new ArrayList<>();
        LoyaltySummarizer.Granularity granularity = null;
        try {
            granularity = LoyaltySummarizer.Granularity.valueOf(period == null ? "" : period.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("period", "must be month, quarter or year"));
        }
        int churn = churnDays == null ? 180 : churnDays;
        if (churn < 1 || churn > MAX_CHURN_DAYS) {
            violations.add(new Violation("churnDays", "must be a whole number of days from 1 to " + MAX_CHURN_DAYS));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid summary parameters", violations);
        }
        requireParameters(horizon, discountRate);
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        customerData.forEachPurchase(java.time.Instant.parse("9999-01-01T00:00:00Z"),
                (customer, date, amount) -> builder.accept(customer, LocalDate.ofInstant(date, ZoneOffset.UTC).toEpochDay(), amount));
        PurchaseHistory history = builder.build();
        if (history.size() == 0) {
            return List.of();
        }
        return LoyaltySummarizer.summarize(history, granularity, churn, horizon, discountRate == null ? 0 : discountRate,
                ValueTierThresholds.DEFAULT);
    }

    private static void requireParameters(Double horizon, Double discountRate) {
        if (horizon == null || !(horizon > 0) || horizon > MAX_HORIZON) {
            throw DomainException.invalid("horizon", "must be a number of time units above 0 and at most " + MAX_HORIZON);
        }
        double rate = discountRate == null ? 0 : discountRate;
        if (!(rate >= 0) || rate >= 1) {
            throw DomainException.invalid("discountRate", "must be at least 0 and below 1 (per time unit)");
        }
    }
}
