package io.sentio.web.loyalty;

import io.sentio.loyalty.boundary.Loyalty;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.problems.entity.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Loyalty and value analyses of the stored customer data (docs/loyalty.md). */
@Path("loyalty")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    /** Default CLV horizon: one year, in weeks (the time unit of stored-transaction summaries). */
    static final double DEFAULT_HORIZON_WEEKS = 52;

    @Inject
    Loyalty loyalty;

    /**
     * BG/NBD + Gamma-Gamma on stored transactions up to the end of {@code asOf}; the same shape as
     * {@code POST /api/v1/analyses/clv}. Times in weeks: {@code horizon} in weeks, {@code discountRate} per week.
     */
    @GET
    @Path("clv")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public ClvAnalysisResource.ClvView clv(@QueryParam("asOf") String asOf, @QueryParam("horizon") String horizon,
                                           @QueryParam("discountRate") String discountRate) {
        return ClvAnalysisResource.ClvView.from(loyalty.clvOfStoredTransactions(date("asOf", asOf),
                number("horizon", horizon, DEFAULT_HORIZON_WEEKS), number("discountRate", discountRate, 0)));
    }

    /**
     * Retention, churn, win-back, RFM segments, Pareto share, Gini, value tiers, customer equity and ROC per period
     * of all stored transactions: {@code period} month|quarter|year (default quarter), {@code churnDays} (default
     * 180), {@code churn} inactivity|cancellation (default inactivity), {@code by} segment|tier|touchpoint (default
     * none), {@code horizon} in weeks (default 52) and {@code discountRate} per week (default 0) for customer equity.
     */
    @GET
    @Path("summary")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public SummaryView summary(@QueryParam("period") String period, @QueryParam("churnDays") String churnDays,
                               @QueryParam("churn") String churn, @QueryParam("by") String by,
                               @QueryParam("horizon") String horizon, @QueryParam("discountRate") String discountRate) {
        int days = churnDays("churnDays", churnDays);
        String p = orDefault(period, "quarter");
        String definition = orDefault(churn, "inactivity");
        String breakdown = by == null || by.isBlank() ? null : by.strip();
        return new SummaryView(p, days, definition, breakdown, loyalty.summary(p, days, definition, breakdown,
                number("horizon", horizon, DEFAULT_HORIZON_WEEKS), number("discountRate", discountRate, 0)));
    }

    /** The summary: its parameters and one entry per period, oldest first ({@code by} omitted when not given). */
    public record SummaryView(String period, int churnDays, String churn, String by, List<PeriodSummary> periods) {
    }

    /**
     * Why customers churned, ranked per period: {@code period} month|quarter|year (default quarter),
     * {@code churnDays} (default 180), {@code churn} inactivity|cancellation (default inactivity).
     */
    @GET
    @Path("churn-reasons")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public ChurnReasonsView churnReasons(@QueryParam("period") String period,
                                         @QueryParam("churnDays") String churnDays,
                                         @QueryParam("churn") String churn) {
        int days = churnDays("churnDays", churnDays);
        String p = orDefault(period, "quarter");
        String definition = orDefault(churn, "inactivity");
        return new ChurnReasonsView(p, days, definition, loyalty.churnReasons(p, days, definition));
    }

    /** Churn reasons: the parameters and one entry per period, oldest first. */
    public record ChurnReasonsView(String period, int churnDays, String churn, List<PeriodChurnReasons> periods) {
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    /** A whole number of days (range checked by the boundary); default 180. */
    static int churnDays(String name, String value) {
        double churn = number(name, value, Loyalty.DEFAULT_CHURN_DAYS);
        if (churn != Math.rint(churn) || Math.abs(churn) > Integer.MAX_VALUE) {
            throw DomainException.invalid(name, "must be a whole number of days");
        }
        return (int) churn;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "is not a date YYYY-MM-DD (" + value + ")");
        }
    }

    static double number(String name, String value, double defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "is not a finite number (" + value + ")");
        }
    }
}
