package io.sentio.web.loyalty;

import io.sentio.loyalty.boundary.Loyalty;
import io.sentio.loyalty.entity.CommunityEngagement;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.SatisfactionBehaviour;
import io.sentio.loyalty.entity.ValueTierThresholds;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * none), {@code horizon} in weeks (default 52) and {@code discountRate} per week (default 0) for customer equity,
     * {@code tiers} the A+, A, B cut points of cumulative revenue share (default 0.5,0.8,0.95).
     */
    @GET
    @Path("summary")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public SummaryView summary(@QueryParam("period") String period, @QueryParam("churnDays") String churnDays,
                               @QueryParam("churn") String churn, @QueryParam("by") String by,
                               @QueryParam("horizon") String horizon, @QueryParam("discountRate") String discountRate,
                               @QueryParam("tiers") String tiers) {
        int days = days("churnDays", churnDays, Loyalty.DEFAULT_CHURN_DAYS);
        String p = orDefault(period, "quarter");
        String definition = orDefault(churn, "inactivity");
        String breakdown = by == null || by.isBlank() ? null : by.strip();
        ValueTierThresholds thresholds = tiers(tiers);
        return new SummaryView(p, days, definition, breakdown, thresholds.cutPoints(), loyalty.summary(p, days,
                definition, breakdown, number("horizon", horizon, DEFAULT_HORIZON_WEEKS),
                number("discountRate", discountRate, 0), thresholds));
    }

    /**
     * The summary: its parameters (with the value-tier cut points used, A+, A, B) and one entry per period, oldest
     * first ({@code by} omitted when not given).
     */
    public record SummaryView(String period, int churnDays, String churn, String by, List<Double> tiers,
                              List<PeriodSummary> periods) {
    }

    /** Value-tier cut points from {@code tiers=aPlus,a,b} (see {@link ValueTierThresholds#parse}). */
    static ValueTierThresholds tiers(String value) {
        try {
            return ValueTierThresholds.parse(value);
        } catch (InvalidLoyaltyDataException e) {
            throw DomainException.invalid("tiers", e.getMessage());
        }
    }

    /**
     * Why customers churned, ranked per period: {@code period} month|quarter|year (default quarter),
     * {@code churnDays} (default 180), {@code churn} inactivity|cancellation (default inactivity), {@code by}
     * segment|tier|touchpoint for the ranking per group of churners as well, grouped as in the summary (default
     * none), {@code tiers} the A+, A, B cut points for the tier groups (default 0.5,0.8,0.95; checked whatever
     * {@code by} is, as in the summary).
     */
    @GET
    @Path("churn-reasons")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public ChurnReasonsView churnReasons(@QueryParam("period") String period,
                                         @QueryParam("churnDays") String churnDays,
                                         @QueryParam("churn") String churn, @QueryParam("by") String by,
                                         @QueryParam("tiers") String tiers) {
        int days = days("churnDays", churnDays, Loyalty.DEFAULT_CHURN_DAYS);
        String p = orDefault(period, "quarter");
        String definition = orDefault(churn, "inactivity");
        String breakdown = by == null || by.isBlank() ? null : by.strip();
        ValueTierThresholds thresholds = tiers(tiers);
        return new ChurnReasonsView(p, days, definition, breakdown,
                "tier".equals(breakdown) ? thresholds.cutPoints() : null,
                loyalty.churnReasons(p, days, definition, breakdown, thresholds));
    }

    /**
     * Churn reasons: the parameters and one entry per period, oldest first ({@code by} omitted when not given;
     * {@code tiers}, the cut points A+, A, B used, only with {@code by=tier}).
     */
    public record ChurnReasonsView(String period, int churnDays, String churn, String by, List<Double> tiers,
                                   List<PeriodChurnReasons> periods) {
    }

    /**
     * Community engagement in [{@code from}, {@code to}] (days, both optional and inclusive): weighted activity score
     * per customer (weights {@code readWeight} 0.1, {@code postWeight} 3, {@code replyWeight} 2,
     * {@code answerWeight} 4, {@code praiseWeight} 1, {@code referralWeight} 5 by default), silent readers vs active
     * core vs other contributors, and the {@code size} (default 20) highest scores.
     */
    @GET
    @Path("community")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public CommunityEngagement community(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("readWeight") String read, @QueryParam("postWeight") String post,
                                         @QueryParam("replyWeight") String reply,
                                         @QueryParam("answerWeight") String answer,
                                         @QueryParam("praiseWeight") String praise,
                                         @QueryParam("referralWeight") String referral,
                                         @QueryParam("size") String size) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("read", read);
        given.put("post", post);
        given.put("reply", reply);
        given.put("answer", answer);
        given.put("praise", praise);
        given.put("referral", referral);
        Map<String, Double> weights = new HashMap<>();
        given.forEach((kind, value) -> {
            if (value != null && !value.isBlank()) {
                weights.put(kind, number(kind + "Weight", value, 0));
            }
        });
        double top = number("size", size, 20);
        if (top != Math.rint(top) || Math.abs(top) > Integer.MAX_VALUE) {
            throw DomainException.invalid("size", "must be a whole number from 1 to " + Loyalty.MAX_TOP);
        }
        return loyalty.community(optionalDate("from", from), optionalDate("to", to), weights, (int) top);
    }

    /**
     * Retention, repeat purchase and mean spend in the {@code days} (default 180) after linked customers' first NPS
     * answer, for promoters, passives and detractors, with 95% intervals; churn as in the summary.
     */
    @GET
    @Path("satisfaction-behaviour")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public SatisfactionBehaviour satisfactionBehaviour(@QueryParam("days") String days,
                                                       @QueryParam("churnDays") String churnDays,
                                                       @QueryParam("churn") String churn) {
        return loyalty.satisfactionBehaviour(days("days", days, Loyalty.DEFAULT_FOLLOW_UP_DAYS),
                days("churnDays", churnDays, Loyalty.DEFAULT_CHURN_DAYS), orDefault(churn, "inactivity"));
    }

    private static LocalDate optionalDate(String name, String value) {
        return value == null || value.isBlank() ? null : date(name, value);
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    /** A whole number of days (range checked by the boundary). */
    static int days(String name, String value, int defaultValue) {
        double d = number(name, value, defaultValue);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw DomainException.invalid(name, "must be a whole number of days");
        }
        return (int) d;
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
