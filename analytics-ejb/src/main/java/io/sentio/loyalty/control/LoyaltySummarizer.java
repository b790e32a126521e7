package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ReturnOnCustomer;
import io.sentio.loyalty.entity.RfmScore;
import io.sentio.loyalty.entity.RfmSegment;
import io.sentio.loyalty.entity.ValueTier;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention, churn, RFM segments, revenue concentration, value tiers, customer equity and return on customer per
 * calendar period (month, quarter or year, UTC), from every customer's purchases. Definitions (docs/loyalty.md):
 * <ul>
 * <li>a customer is <em>acquired</em> by day d if their first purchase is before d;</li>
 * <li><em>alive</em> at d: acquired and with a purchase in the {@code churnDays} days before d, [d &minus; N, d)
 * (churn = no purchase for N days);</li>
 * <li>per period [s, e): customers = acquired by e; active = with a purchase in [s, e); aliveAtStart = alive at s;
 * retained = alive at s and at e; churned = alive at s, not at e; retention/churn rate = retained/churned &divide;
 * aliveAtStart;</li>
 * <li>RFM (quintiles, {@link RfmScorer}) of the customers acquired by e, at e: recency = days since the last
 * purchase, frequency = number of purchases, monetary = total spend before e;</li>
 * <li>Pareto share, Gini and value tiers ({@link RevenueConcentration}) of the revenue in the period of the active
 * customers;</li>
 * <li>customer equity at d = &Sigma; CLV of the customers acquired by d, BG/NBD + Gamma-Gamma fitted on the
 * purchases before d ({@link PurchaseSummarizer}, weeks), over {@code horizonWeeks} at {@code discountRate} per
 * week; ROC = (revenue in the period + equity at e &minus; equity at s) / equity at s (Peppers &amp; Rogers 2005,
 * {@link ReturnOnCustomer}).</li>
 * </ul>
 * Cost: O(periods &times; customers &times; log purchases) plus one model fit per period boundary.
 * Stateless and thread-safe.
 */
public final class LoyaltySummarizer {

    /** Calendar periods. */
    public enum Granularity { MONTH, QUARTER, YEAR }

    private LoyaltySummarizer() {
    }

    public static List<PeriodSummary> summarize(PurchaseHistory history, Granularity granularity, int churnDays,
                                                double horizonWeeks, double discountRate,
                                                ValueTierThresholds thresholds) {
        if (history.size() == 0) {
            throw new InvalidLoyaltyDataException("there are no purchases to summarise");
        }
        if (churnDays < 1) {
            throw new InvalidLoyaltyDataException("churnDays must be at least 1", 0, "churnDays");
        }
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int c = 0; c < history.customers(); c++) {
            firstDay = Math.min(firstDay, history.day(history.start(c)));
            lastDay = Math.max(lastDay, history.day(history.end(c) - 1));
        }
        Map<Integer, Double> equity = new HashMap<>();
        List<PeriodSummary> out = new ArrayList<>();
        for (LocalDate start = periodStart(LocalDate.ofEpochDay(firstDay), granularity);
             start.toEpochDay() <= lastDay; start = next(start, granularity)) {
            LocalDate end = next(start, granularity);
            out.add(period(history, granularity, start, end, churnDays, horizonWeeks, discountRate, thresholds, equity));
        }
        return out;
    }

    private static PeriodSummary period(PurchaseHistory h, Granularity granularity, LocalDate startDate,
                                        LocalDate endDate, int churnDays, double horizonWeeks, double discountRate,
                                        ValueTierThresholds thresholds, Map<Integer, Double> equityCache) {
        int s = Math.toIntExact(startDate.toEpochDay());
        int e = Math.toIntExact(endDate.toEpochDay());
        long customers = 0;
        long active = 0;
        long aliveAtStart = 0;
        long retained = 0;
        double revenue = 0;
        List<Double> activeRevenue = new ArrayList<>();
        List<double[]> rfm = new ArrayList<>();
        for (int c = 0; c < h.customers(); c++) {
            int from = h.start(c);
            if (h.day(from) >= e) {
                continue;
            }
            customers++;
            int beforeStart = firstAtOrAfter(h, from, h.end(c), s);  // purchases [from, beforeStart) are before s
            int beforeEnd = firstAtOrAfter(h, beforeStart, h.end(c), e);
            double inPeriod = 0;
            for (int i = beforeStart; i < beforeEnd; i++) {
                inPeriod += h.amount(i);
            }
            if (beforeEnd > beforeStart) {
                active++;
                activeRevenue.add(inPeriod);
                revenue += inPeriod;
            }
            boolean aliveStart = beforeStart > from && h.day(beforeStart - 1) >= s - churnDays;
            boolean aliveEnd = h.day(beforeEnd - 1) >= e - churnDays;
            if (aliveStart) {
                aliveAtStart++;
                if (aliveEnd) {
                    retained++;
                }
            }
            double spend = 0;
            for (int i = from; i < beforeEnd; i++) {
                spend += h.amount(i);
            }
            rfm.add(new double[]{e - h.day(beforeEnd - 1), beforeEnd - from, spend});
        }
        long churned = aliveAtStart - retained;
        Map<String, Long> segments = new LinkedHashMap<>();
        if (!rfm.isEmpty()) {
            double[] r = new double[rfm.size()];
            double[] f = new double[rfm.size()];
            double[] m = new double[rfm.size()];
            for (int i = 0; i < rfm.size(); i++) {
                r[i] = rfm.get(i)[0];
                f[i] = rfm.get(i)[1];
                m[i] = rfm.get(i)[2];
            }
            List<RfmScore> scores = RfmScorer.score(r, f, m);
            RfmScorer.segmentSizes(scores).forEach((segment, size) -> segments.put(segment.name(), size));
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
            double[] values = activeRevenue.stream().mapToDouble(Double::doubleValue).toArray();
            pareto = RevenueConcentration.paretoShare(values);
            gini = RevenueConcentration.gini(values);
            RevenueConcentration.tiers(values, thresholds).forEach(t -> tiers.merge(t.label(), 1L, Long::sum));
        }
        Double equityStart = equityCache.computeIfAbsent(s, d -> equity(h, d, horizonWeeks, discountRate));
        Double equityEnd = equityCache.computeIfAbsent(e, d -> equity(h, d, horizonWeeks, discountRate));
        Double roc = null;
        if (equityStart != null && equityEnd != null && equityStart > 0) {
            roc = new ReturnOnCustomer(revenue, equityStart, equityEnd).value();
        }
        return new PeriodSummary(name(startDate, granularity), startDate, endDate, customers, active, aliveAtStart,
                retained, churned, aliveAtStart == 0 ? null : (double) retained / aliveAtStart,
                aliveAtStart == 0 ? null : (double) churned / aliveAtStart, revenue, segments, pareto, gini, tiers,
                equityStart, equityEnd, roc);
    }

    /** Σ CLV with the models fitted on the purchases before day d; null when there are none or no fit. */
    private static Double equity(PurchaseHistory h, int d, double horizonWeeks, double discountRate) {
        PurchaseSummarizer summarizer = new PurchaseSummarizer(LocalDate.ofEpochDay(d - 1L));
        for (int c = 0; c < h.customers(); c++) {
            for (int i = h.start(c); i < h.end(c) && h.day(i) < d; i++) {
                summarizer.accept(h.customer(c), LocalDate.ofEpochDay(h.day(i)), h.amount(i));
            }
        }
        if (summarizer.size() == 0) {
            return null;
        }
        try {
            CustomerSummaries data = summarizer.summaries();
            double value = ClvEstimator.fitAndAnalyse(data, horizonWeeks, discountRate).customerEquity();
            return Double.isFinite(value) ? value : null;
        } catch (RuntimeException notFittable) {
            // too few or degenerate customers (e.g. nobody has repeated yet): equity is undefined, not an error
            return null;
        }
    }

    private static int firstAtOrAfter(PurchaseHistory h, int from, int to, int day) {
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

    static LocalDate periodStart(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    private static LocalDate next(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    private static String name(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }
}
