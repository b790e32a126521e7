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

import java.util.List;

/** Customer lifetime value and the other loyalty analyses, on a researcher's data or on stored customers. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Loyalty {

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
}
