package io.sentio.loyalty.control;

import io.sentio.loyalty.control.EquityTimeline.Equity;
import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.GroupSummary;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ReturnOnCustomer;
import io.sentio.loyalty.entity.RfmSegment;
import io.sentio.loyalty.entity.ValueTier;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Retention, churn, win-back, RFM segments, revenue concentration, value tiers, customer equity and return on
 * customer per calendar period (month, quarter or year, UTC), from every customer's purchases, optionally broken
 * down by segment, value tier or touchpoint. Definitions (docs/loyalty.md):
 * <ul>
 * <li>a customer is <em>acquired</em> by day d if their first purchase is before d;</li>
 * <li><em>alive</em> at d per the {@link ChurnRule}: by default acquired and with a purchase in the
 * {@code churnDays} days before d, [d &minus; N, d) (churn = no purchase for N days), or acquired and without an
 * explicit cancellation since their last purchase;</li>
 * <li>per period [s, e): customers = acquired by e; active = with a purchase in [s, e); aliveAtStart = alive at s;
 * retained = alive at s and at e; churned = alive at s, not at e; retention/churn rate = retained/churned &divide;
 * aliveAtStart; churnedBeforeStart = acquired by s, not alive at s; wonBack = those of them active in the period,
 * win-back rate = wonBack &divide; churnedBeforeStart;</li>
 * <li>RFM (quintiles, {@link RfmScorer}) of the customers acquired by e, at e: recency = days since the last
 * purchase, frequency = number of purchases, monetary = total spend before e;</li>
 * <li>Pareto share, Gini and value tiers ({@link RevenueConcentration}) of the revenue in the period of the active
 * customers;</li>
 * <li>customer equity at d = &Sigma; CLV of the customers acquired by d, BG/NBD + Gamma-Gamma fitted on the
 * purchases before d ({@link PurchaseSummarizer}, weeks), over {@code horizonWeeks} at {@code discountRate} per
 * week; ROC = (revenue in the period + equity at e &minus; equity at s) / equity at s (Peppers &amp; Rogers 2005,
 * {@link ReturnOnCustomer});</li>
 * <li>breakdown groups ({@link BreakdownGroups}, shared with the churn reasons): by segment, every customer acquired
 * by e under their profile segment; by tier, the customers alive at s under their value tier by revenue in the
 * churn window [s &minus; N, s) (ranked among the customers alive at s, as {@code valueTiers} ranks a period's
 * revenue); by touchpoint, the customers
 * alive at s under every touchpoint of their transactions and interactions in [s &minus; N, s). Groups are fixed
 * at s so that a group's retention is not decided by how it was formed (grouping by purchases in [s, e) would make
 * every such customer retained by construction). A group's equity and ROC use the CLV of its own customers from
 * the same fits as the totals. Win-back per group only by segment, where the groups partition every customer
 * acquired by e and so add up to the period's churnedBeforeStart and wonBack; tier and touchpoint groups hold only
 * customers alive at s, none of whom churned before s (and by inactivity a customer churned at s has no purchase in
 * the window that would give them a tier), so there the figures are null.</li>
 * </ul>
 * Cost: O(periods &times; customers &times; log purchases) plus one model fit per period boundary.
 * Stateless and thread-safe.
 */
public final class LoyaltySummarizer {

    /** Calendar periods. */
    public enum Granularity { MONTH, QUARTER, YEAR }

    private LoyaltySummarizer() {
    }

    /**
     * What a summary may reuse from earlier ones: customer equity per boundary and whole periods, while the
     * purchases before them are unchanged (a fingerprint), and {@code otherInputs} describes everything else the
     * summary reads besides the purchases and its parameters (e.g. the write counters of the interactions and
     * profiles), so that a change there computes the periods again.
     */
    public record Reuse(EquityCache equities, PeriodCache periods, String otherInputs) {

        /** Nothing from earlier summaries. */
        public static Reuse none() {
            return new Reuse(new EquityCache(), new PeriodCache(), "");
        }
    }

    /**
     * @param interactions the customers' interactions (cancellations, touchpoints); may be empty
     * @param segments     profile segment by customer id (customers without one are in {@link Breakdown#NONE})
     * @param by           the breakdown, or null for none
     */
    public static List<PeriodSummary> summarize(PurchaseHistory history, InteractionHistory interactions,
                                                Map<String, String> segments, Granularity granularity,
                                                ChurnRule churn, Breakdown by, double horizonWeeks,
                                                double discountRate, ValueTierThresholds thresholds) {
        return summarize(history, interactions, segments, granularity, churn, by, horizonWeeks, discountRate,
                thresholds, Reuse.none());
    }

    /**
     * {@link #summarize(PurchaseHistory, InteractionHistory, Map, Granularity, ChurnRule, Breakdown, double,
     * double, ValueTierThresholds)} reusing the customer equity of boundaries and the periods whose purchases are
     * unchanged since an earlier summary with the same {@code reuse}.
     */
    public static List<PeriodSummary> summarize(PurchaseHistory history, InteractionHistory interactions,
                                                Map<String, String> segments, Granularity granularity,
                                                ChurnRule churn, Breakdown by, double horizonWeeks,
                                                double discountRate, ValueTierThresholds thresholds, Reuse reuse) {
        if (history.size() == 0) {
            throw new InvalidLoyaltyDataException("there are no purchases to summarise");
        }
        List<LocalDate> boundaries = boundaries(history, interactions, granularity);
        int[] days = boundaries.stream().mapToInt(d -> Math.toIntExact(d.toEpochDay())).toArray();
        // equity first, boundary after boundary (each fit starts from the previous one); then the periods, which
        // are independent of each other, in parallel
        EquityTimeline timeline = new EquityTimeline(history, days, horizonWeeks, discountRate, reuse.equities());
        Equity[] equity = new Equity[days.length];
        for (int k = 0; k < days.length; k++) {
            equity[k] = timeline.at(days[k]);
        }
        Context context = new Context(history, interactions, churn, thresholds, by == null ? null
                : new BreakdownGroups(by, history, interactions, segments, churn.days(), thresholds));
        String inputs = String.join("|", reuse.otherInputs(), churn.toString(), String.valueOf(by),
                thresholds.toString(), String.valueOf(horizonWeeks), String.valueOf(discountRate));
        return IntStream.range(0, days.length - 1).parallel().mapToObj(k -> {
            PeriodCache.Key key = new PeriodCache.Key(timeline.fingerprintBefore(days[k + 1]), days[k], days[k + 1],
                    inputs);
            PeriodSummary known = reuse.periods().get(key);
            if (known == null) {
                known = period(context, granularity, boundaries.get(k), boundaries.get(k + 1), equity[k],
                        equity[k + 1]);
                reuse.periods().put(key, known);
            }
            return known;
        }).toList();
    }

    /** @param groups the breakdown, or null for none */
    private record Context(PurchaseHistory h, InteractionHistory interactions, ChurnRule churn,
                           ValueTierThresholds thresholds, BreakdownGroups groups) {
    }

    /**
     * One customer's standing in a period: acquired by the start (a purchase before s), alive at s and at e,
     * active (a purchase in [s, e)), spend in the period.
     */
    private record Standing(int customer, boolean acquiredAtStart, boolean aliveAtStart, boolean aliveAtEnd,
                            boolean active, double revenue) {
    }

    /** Retention, win-back and revenue counts of some customers: a whole period's, or one breakdown group's. */
    private static final class Tally {
        long aliveAtStart;
        long retained;
        long churnedBeforeStart;
        long wonBack;
        double revenue;

        void add(Standing st) {
            add(st.acquiredAtStart(), st.aliveAtStart(), st.aliveAtEnd(), st.active(), st.revenue());
        }

        void add(boolean acquiredAtStart, boolean aliveStart, boolean aliveEnd, boolean active, double spend) {
            if (aliveStart) {
                aliveAtStart++;
                if (aliveEnd) {
                    retained++;
                }
            } else if (acquiredAtStart) {
                churnedBeforeStart++;
                if (active) {
                    wonBack++;
                }
            }
            revenue += spend;
        }

        long churned() {
            return aliveAtStart - retained;
        }
    }

    private static PeriodSummary period(Context x, Granularity granularity, LocalDate startDate, LocalDate endDate,
                                        Equity equityStart, Equity equityEnd) {
        PurchaseHistory h = x.h();
        int s = Math.toIntExact(startDate.toEpochDay());
        int e = Math.toIntExact(endDate.toEpochDay());
        long customers = 0;
        Tally total = new Tally();
        int active = 0;
        double[] activeRevenue = new double[h.customers()];
        double[] sinceLast = new double[h.customers()];
        double[] frequency = new double[h.customers()];
        List<Standing> standings = x.groups() == null ? null : new ArrayList<>();
        for (int c = 0; c < h.customers(); c++) {
            int from = h.start(c);
            if (h.day(from) >= e) {
                continue;
            }
            int beforeStart = firstAtOrAfter(h, from, h.end(c), s);  // purchases [from, beforeStart) are before s
            int beforeEnd = firstAtOrAfter(h, beforeStart, h.end(c), e);
            double inPeriod = spendBefore(h, from, beforeEnd) - spendBefore(h, from, beforeStart);
            boolean isActive = beforeEnd > beforeStart;
            if (isActive) {
                activeRevenue[active++] = inPeriod;
            }
            boolean acquiredAtStart = beforeStart > from;
            boolean aliveStart = x.churn().aliveAt(s, acquiredAtStart ? h.day(beforeStart - 1) : ChurnRule.NONE,
                    lastCancellationBefore(x, c, s));
            boolean aliveEnd = x.churn().aliveAt(e, h.day(beforeEnd - 1), lastCancellationBefore(x, c, e));
            total.add(acquiredAtStart, aliveStart, aliveEnd, isActive, inPeriod); // inPeriod is 0 when not active
            sinceLast[(int) customers] = e - h.day(beforeEnd - 1);
            frequency[(int) customers] = beforeEnd - from;
            customers++;
            if (standings != null) {
                standings.add(new Standing(c, acquiredAtStart, aliveStart, aliveEnd, isActive, inPeriod));
            }
        }
        double revenue = total.revenue;
        Map<String, Long> segments = new LinkedHashMap<>();
        if (customers > 0) {
            RfmScorer.segmentSizes(Arrays.copyOf(sinceLast, (int) customers), Arrays.copyOf(frequency, (int) customers))
                    .forEach((segment, size) -> segments.put(segment.name(), size));
        } else {
            for (RfmSegment segment : RfmSegment.values()) {
                segments.put(segment.name(), 0L);
            }
        }
        Map<String, Long> tiers = new LinkedHashMap<>();
        for (ValueTier tier : ValueTier.values()) {
            tiers.put(tier.label(), 0L);
        }
        Double pareto = null;
        Double gini = null;
        if (revenue > 0) {
            RevenueConcentration.Summary concentration =
                    RevenueConcentration.summary(Arrays.copyOf(activeRevenue, active), x.thresholds());
            pareto = concentration.paretoShare();
            gini = concentration.gini();
            concentration.tierSizes().forEach((tier, size) -> tiers.put(tier.label(), size));
        }
        Double roc = null;
        if (equityStart != null && equityEnd != null && equityStart.total() > 0) {
            roc = new ReturnOnCustomer(revenue, equityStart.total(), equityEnd.total()).value();
        }
        Map<String, GroupSummary> breakdown = x.groups() == null ? null
                : breakdown(x, s, standings, equityStart, equityEnd);
        return new PeriodSummary(name(startDate, granularity), startDate, endDate,
                complete(startDate, endDate, granularity), customers, active,
                total.aliveAtStart, total.retained, total.churned(), rate(total.retained, total.aliveAtStart),
                rate(total.churned(), total.aliveAtStart), revenue, segments, pareto, gini, tiers,
                equityStart == null ? null : equityStart.total(), equityEnd == null ? null : equityEnd.total(), roc,
                total.churnedBeforeStart, total.wonBack, rate(total.wonBack, total.churnedBeforeStart), breakdown);
    }

    /** Only the cancellation rule looks at cancellations: the inactivity rule spares a look-up per customer. */
    private static int lastCancellationBefore(Context x, int c, int day) {
        return x.churn().definition() == ChurnRule.Definition.CANCELLATION
                ? x.interactions().lastCancellationBefore(x.h().customer(c), day) : ChurnRule.NONE;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Figures per group ({@link BreakdownGroups}); a customer may be in several groups (touchpoints). */
    private static Map<String, GroupSummary> breakdown(Context x, int s, List<Standing> standings,
                                                       Equity equityStart, Equity equityEnd) {
        BreakdownGroups.AtStart at = x.groups().at(s,
                standings.stream().filter(Standing::aliveAtStart).mapToInt(Standing::customer).toArray());
        Map<String, List<Standing>> groups = new TreeMap<>();
        for (Standing st : standings) {
            for (String group : at.of(st.customer())) {
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(st);
            }
        }
        Map<String, GroupSummary> out = new TreeMap<>();
        boolean winBack = x.groups().by() == Breakdown.SEGMENT;
        groups.forEach((group, members) -> out.put(group, group(members, equityStart, equityEnd, winBack)));
        return out;
    }

    /**
     * @param winBack whether the members include every customer of the group acquired by e, so that its
     *                churned-before-start customers and their win-back are counted (segment); groups formed from
     *                the customers alive at s (tier, touchpoint) have none and get null
     */
    private static GroupSummary group(List<Standing> members, Equity equityStart, Equity equityEnd,
                                      boolean winBack) {
        Tally tally = new Tally();
        double startSum = 0;
        double endSum = 0;
        for (Standing st : members) {
            tally.add(st);
            if (equityStart != null) {
                startSum += equityStart.clv()[st.customer()];
            }
            if (equityEnd != null) {
                endSum += equityEnd.clv()[st.customer()];
            }
        }
        Double roc = equityStart != null && equityEnd != null && startSum > 0
                ? new ReturnOnCustomer(tally.revenue, startSum, endSum).value() : null;
        return new GroupSummary(members.size(), tally.aliveAtStart, tally.retained, tally.churned(),
                rate(tally.retained, tally.aliveAtStart), rate(tally.churned(), tally.aliveAtStart), tally.revenue,
                equityStart == null ? null : startSum, equityEnd == null ? null : endSum, roc,
                winBack ? tally.churnedBeforeStart : null, winBack ? tally.wonBack : null,
                winBack ? rate(tally.wonBack, tally.churnedBeforeStart) : null);
    }

    /** The customer's spend on the purchases from their first, {@code from}, up to index {@code to} (exclusive). */
    static double spendBefore(PurchaseHistory h, int from, int to) {
        return to > from ? h.spendThrough(to - 1) : 0;
    }

    static int firstAtOrAfter(PurchaseHistory h, int from, int to, int day) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h.day(mid) < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The period boundaries of a summary: the start of every calendar period from the first purchase's to the last
     * purchase's, then the end of the last period, or, when the data end before that period does, the day after the
     * latest purchase or interaction: the current period is summarised to date ({@code complete} false). Why:
     * figures at a day still to come would count every customer who has simply not bought yet as churned, and would
     * value every customer as if nobody bought until then.
     */
    static List<LocalDate> boundaries(PurchaseHistory h, InteractionHistory interactions, Granularity granularity) {
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int c = 0; c < h.customers(); c++) {
            firstDay = Math.min(firstDay, h.day(h.start(c)));
            lastDay = Math.max(lastDay, h.day(h.end(c) - 1));
        }
        List<LocalDate> boundaries = new ArrayList<>();
        LocalDate start = periodStart(LocalDate.ofEpochDay(firstDay), granularity);
        for (; start.toEpochDay() <= lastDay; start = next(start, granularity)) {
            boundaries.add(start);
        }
        long dataEnd = Math.max(lastDay, interactions.lastDay()) + 1L;
        boundaries.add(start.toEpochDay() <= dataEnd ? start : LocalDate.ofEpochDay(dataEnd));
        return boundaries;
    }

    /** Whether the period [start, end) is a whole calendar period rather than the current one to date. */
    static boolean complete(LocalDate start, LocalDate end, Granularity granularity) {
        return end.equals(next(start, granularity));
    }

    static LocalDate periodStart(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    static String name(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }
}
