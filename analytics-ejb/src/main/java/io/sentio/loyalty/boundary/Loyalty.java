package io.sentio.loyalty.boundary;

import io.sentio.customers.boundary.CustomerData;
import io.sentio.customers.entity.RecordKind;
import io.sentio.loyalty.control.ChurnReasonRanker;
import io.sentio.loyalty.control.HistorySummarizer;
import io.sentio.loyalty.control.ClvEstimator;
import io.sentio.loyalty.control.CommunityScorer;
import io.sentio.loyalty.control.CustomerSummaryReader;
import io.sentio.loyalty.control.LoyaltySummarizer;
import io.sentio.loyalty.control.PeriodCache;
import io.sentio.loyalty.control.EquityCache;
import io.sentio.loyalty.control.KeptPurchases;
import io.sentio.loyalty.control.SummaryCache;
import io.sentio.loyalty.control.PurchaseSummarizer;
import io.sentio.loyalty.control.SatisfactionBehaviourAnalysis;
import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.CommunityEngagement;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.EngagementWeights;
import io.sentio.loyalty.entity.ExitAnswers;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodChurnReasons;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.SatisfactionBehaviour;
import io.sentio.loyalty.entity.ValueTierThresholds;
import io.sentio.problems.entity.DomainException;
import io.sentio.responses.boundary.Responses;
import io.sentio.problems.entity.Violation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Customer lifetime value and the other loyalty analyses, on a researcher's data or on stored customers. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Loyalty {

    @Inject
    CustomerData customerData;

    @Inject
    Responses responses;

    /** Summaries of this application (shared by the pooled instances; valid while the records are unchanged). */
    private static final SummaryCache<List<PeriodSummary>> SUMMARIES = new SummaryCache<>();

    /** All stored transactions, kept between analyses and extended with the ones imported since. */
    private static final KeptPurchases PURCHASES = new KeptPurchases();

    /** Customer equity per period boundary and whole periods, reused while the purchases before them are unchanged. */
    private static final EquityCache EQUITIES = new EquityCache();
    private static final PeriodCache PERIODS = new PeriodCache();

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
     * summaries as {@link PurchaseSummarizer} defines them (distinct purchase days, times in weeks), read from the
     * kept {@link PurchaseHistory} with one binary search per customer ({@link HistorySummarizer}) rather than a
     * date per purchase; so {@code horizon} is in weeks and {@code discountRate} is per week.
     */
    public ClvAnalysis clvOfStoredTransactions(LocalDate asOf, Double horizon, Double discountRate) {
        if (asOf == null) {
            throw DomainException.invalid("asOf", "is required: the last day of the calibration period, YYYY-MM-DD");
        }
        requireParameters(horizon, discountRate);
        CustomerSummaries data;
        try {
            data = HistorySummarizer.summarize(purchaseHistory(), asOf); // ignores the purchases after asOf
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

    /** Default follow-up window after an NPS answer: about half a year. */
    public static final int DEFAULT_FOLLOW_UP_DAYS = 180;

    /** Default churn window: no purchase for about half a year. */
    public static final int DEFAULT_CHURN_DAYS = 180;

    /**
     * Loyalty and value figures per calendar period over all stored transactions (see {@link LoyaltySummarizer}
     * and docs/loyalty.md); customer equity over {@code horizon} weeks at {@code discountRate} per week.
     *
     * @param churn inactivity (default) or cancellation, see {@link ChurnRule}
     * @param by    segment, tier, touchpoint, or null for no breakdown
     * @param tiers the value-tier cut points for {@code valueTiers} and the tier breakdown, or null for
     *              {@link ValueTierThresholds#DEFAULT}
     */
    public List<PeriodSummary> summary(String period, Integer churnDays, String churn, String by, Double horizon,
                                       Double discountRate, ValueTierThresholds tiers) {
        List<Violation> violations = new ArrayList<>();
        LoyaltySummarizer.Granularity granularity = granularity(period, violations);
        ChurnRule rule = churnRule(churnDays, churn, violations);
        Breakdown breakdown = breakdown(by, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid summary parameters", violations);
        }
        requireParameters(horizon, discountRate);
        double discount = discountRate == null ? 0 : discountRate;
        Breakdown grouping = breakdown;
        ValueTierThresholds thresholds = tiers == null ? ValueTierThresholds.DEFAULT : tiers;
        String key = String.join("|", granularity.name(), rule.toString(), String.valueOf(breakdown),
                String.valueOf(horizon), String.valueOf(discount), thresholds.toString());
        Map<String, Long> versions = customerData.versions(); // read before the records: see SummaryCache
        return SUMMARIES.get(key, versions, () -> {
            PurchaseHistory history = purchaseHistory();
            if (history.size() == 0) {
                return List.of();
            }
            boolean readsInteractions = rule.definition() == ChurnRule.Definition.CANCELLATION
                    || grouping == Breakdown.TOUCHPOINT;
            InteractionHistory interactions = readsInteractions ? interactionHistory() : InteractionHistory.empty();
            Map<String, String> segments = grouping == Breakdown.SEGMENT ? segments() : Map.of();
            // what the periods read besides the purchases: a period computed before a write to them is not reused
            String otherInputs = (readsInteractions ? "interactions " + versions.get(RecordKind.INTERACTIONS.wire())
                    : "") + (grouping == Breakdown.SEGMENT ? " customers " + versions.get(RecordKind.CUSTOMERS.wire())
                    : "");
            return LoyaltySummarizer.summarize(history, interactions, segments, granularity, rule, grouping, horizon,
                    discount, thresholds, new LoyaltySummarizer.Reuse(EQUITIES, PERIODS, otherInputs));
        });
    }

    private static LoyaltySummarizer.Granularity granularity(String period, List<Violation> violations) {
        try {
            return LoyaltySummarizer.Granularity.valueOf(period == null ? "" : period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("period", "must be month, quarter or year"));
            return null;
        }
    }

    /** The breakdown named by {@code by}, or null when none is asked for (or the name is not one: a violation). */
    private static Breakdown breakdown(String by, List<Violation> violations) {
        if (by == null) {
            return null;
        }
        Breakdown breakdown = Breakdown.fromWire(by).orElse(null);
        if (breakdown == null) {
            violations.add(new Violation("by", "must be segment, tier or touchpoint"));
        }
        return breakdown;
    }

    private static ChurnRule churnRule(Integer churnDays, String churn, List<Violation> violations) {
        int days = churnDays == null ? DEFAULT_CHURN_DAYS : churnDays;
        if (days < 1 || days > MAX_CHURN_DAYS) {
            violations.add(new Violation("churnDays", "must be a whole number of days from 1 to " + MAX_CHURN_DAYS));
        }
        ChurnRule.Definition definition = churn == null ? ChurnRule.Definition.INACTIVITY
                : ChurnRule.Definition.fromWire(churn).orElse(null);
        if (definition == null) {
            violations.add(new Violation("churn", "must be inactivity or cancellation"));
        }
        return definition == null || days < 1 || days > MAX_CHURN_DAYS ? null : new ChurnRule(definition, days);
    }

    /**
     * Churn reasons ranked per calendar period (see {@link ChurnReasonRanker} and docs/loyalty.md): interaction
     * categories in the {@code churnDays} before each churn and answers to the exit-survey item
     * {@value ExitAnswers#ITEM} in responses linked to the customer.
     *
     * @param by    segment, tier or touchpoint for the ranking per group of churners as well (the summary's groups),
     *              or null for none
     * @param tiers the value-tier cut points for the tier groups, or null for {@link ValueTierThresholds#DEFAULT}
     */
    public List<PeriodChurnReasons> churnReasons(String period, Integer churnDays, String churn, String by,
                                                 ValueTierThresholds tiers) {
        List<Violation> violations = new ArrayList<>();
        LoyaltySummarizer.Granularity granularity = granularity(period, violations);
        ChurnRule rule = churnRule(churnDays, churn, violations);
        Breakdown breakdown = breakdown(by, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid churn-reason parameters", violations);
        }
        PurchaseHistory history = purchaseHistory();
        if (history.size() == 0) {
            return List.of();
        }
        ExitAnswers.Builder answers = new ExitAnswers.Builder();
        responses.forEachLinkedToCustomer(r -> answers.accept(r.customer(),
                LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC).toEpochDay(), r.answers().get(ExitAnswers.ITEM)));
        return ChurnReasonRanker.rank(history, interactionHistory(), answers.build(), granularity, rule, breakdown,
                breakdown == Breakdown.SEGMENT ? segments() : Map.of(),
                tiers == null ? ValueTierThresholds.DEFAULT : tiers);
    }

    /**
     * Retention, repeat purchase and spend in the {@code days} after each linked customer's first NPS answer, by
     * NPS category, with 95% intervals ({@link SatisfactionBehaviourAnalysis}, docs/loyalty.md).
     */
    public SatisfactionBehaviour satisfactionBehaviour(Integer days, Integer churnDays, String churn) {
        List<Violation> violations = new ArrayList<>();
        int window = days == null ? DEFAULT_FOLLOW_UP_DAYS : days;
        if (window < 1 || window > MAX_CHURN_DAYS) {
            violations.add(new Violation("days", "must be a whole number of days from 1 to " + MAX_CHURN_DAYS));
        }
        ChurnRule rule = churnRule(churnDays, churn, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid satisfaction-behaviour parameters", violations);
        }
        Map<String, int[]> firstNps = new HashMap<>();
        Map<String, Instant> firstAt = new HashMap<>();
        responses.forEachLinkedToCustomer(r -> {
            if (r.answers().get(NPS_ITEM) instanceof Number score && score.doubleValue() >= 0
                    && score.doubleValue() <= 10) {
                Instant seen = firstAt.get(r.customer());
                if (seen == null || r.receivedAt().isBefore(seen)) {
                    firstAt.put(r.customer(), r.receivedAt());
                    firstNps.put(r.customer(), new int[]{Math.toIntExact(
                            LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC).toEpochDay()), score.intValue()});
                }
            }
        });
        PurchaseHistory history = purchaseHistory();
        InteractionHistory interactions = rule.definition() == ChurnRule.Definition.CANCELLATION
                ? interactionHistory() : InteractionHistory.empty();
        return SatisfactionBehaviourAnalysis.analyse(history, interactions, firstNps, rule, window);
    }

    /** The survey item holding the 0–10 likelihood to recommend (every template that measures NPS names it so). */
    static final String NPS_ITEM = "NPS";

    /** Most customers listed in {@code top} of the community engagement. */
    public static final int MAX_TOP = 100;

    /**
     * Community engagement of the activity dated in [{@code from}, {@code to}] (whole UTC days, both optional):
     * score per customer and the split into silent readers, active core and other contributors
     * ({@link CommunityScorer}).
     *
     * @param weights weight by activity kind (read, post, reply, answer, praise, referral); a null or missing
     *                weight takes its default from {@link EngagementWeights#DEFAULT}
     */
    public CommunityEngagement community(LocalDate from, LocalDate to, Map<String, Double> weights, Integer size) {
        List<Violation> violations = new ArrayList<>();
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("to", "must not be before from"));
        }
        int top = size == null ? 20 : size;
        if (top < 1 || top > MAX_TOP) {
            violations.add(new Violation("size", "must be a whole number from 1 to " + MAX_TOP));
        }
        EngagementWeights d = EngagementWeights.DEFAULT;
        EngagementWeights w = null;
        try {
            w = new EngagementWeights(weight(weights, "read", d.read()),
                    weight(weights, "post", d.post()), weight(weights, "reply", d.reply()),
                    weight(weights, "answer", d.answer()), weight(weights, "praise", d.praise()),
                    weight(weights, "referral", d.referral()));
        } catch (InvalidLoyaltyDataException e) {
            violations.add(new Violation(e.column().orElse("weights"), e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid community parameters", violations);
        }
        Instant start = from == null ? Instant.MIN : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.MAX : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        CommunityScorer scorer = new CommunityScorer(w);
        customerData.forEachRecord(RecordKind.COMMUNITY, r -> {
            Instant date = (Instant) r.fields().get("date");
            if (!date.isBefore(start) && date.isBefore(end)) {
                scorer.accept((String) r.fields().get("customer"), (String) r.fields().get("kind"));
            }
        });
        return scorer.result(top);
    }

    private static double weight(Map<String, Double> weights, String kind, double defaultValue) {
        Double w = weights.get(kind);
        return w == null ? defaultValue : w;
    }

    /** Every stored transaction, by customer then date (see {@link KeptPurchases}). */
    private PurchaseHistory purchaseHistory() {
        return PURCHASES.current(customerData.purchaseReads());
    }

    /** Every stored interaction (one scan of the collection, notes left out). */
    private InteractionHistory interactionHistory() {
        InteractionHistory.Builder builder = new InteractionHistory.Builder();
        customerData.forEachRecord(RecordKind.INTERACTIONS, r -> builder.accept((String) r.fields().get("customer"),
                LocalDate.ofInstant((Instant) r.fields().get("date"), ZoneOffset.UTC).toEpochDay(),
                (String) r.fields().get("touchpoint"), (String) r.fields().get("type"),
                (String) r.fields().get("outcome")));
        return builder.build();
    }

    /** Profile segment by customer id, for the customers that have one (one scan of the collection). */
    private Map<String, String> segments() {
        Map<String, String> segments = new HashMap<>();
        customerData.forEachRecord(RecordKind.CUSTOMERS, r -> {
            if (r.fields().get("segment") instanceof String segment) {
                segments.put(r.id(), segment);
            }
        });
        return segments;
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
