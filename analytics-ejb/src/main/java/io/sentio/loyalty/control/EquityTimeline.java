package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.loyalty.entity.PurchaseHistory;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Customer equity at successive days for {@link LoyaltySummarizer}: at day d, BG/NBD and Gamma-Gamma are fitted
 * on the purchases before d and every customer acquired by then is valued over the horizon ({@link ClvEstimator}).
 * <ul>
 * <li>The calibration summary is that of {@link PurchaseSummarizer} (distinct purchase days, weeks, the period
 * ending with day d&minus;1), read for each customer with one binary search from {@link PurchaseHistory}'s running
 * figures.</li>
 * <li>Each fit starts from the previous day's: a period later the same customers move the optimum a little, so a
 * fit takes a few Newton steps instead of a multi-start search.</li>
 * <li>CLV = E[M | x, m] &middot; P(alive | x, t<sub>x</sub>, T) &middot; D(x, T), where D, the discounted
 * purchases if alive, needs the hypergeometric function but depends only on (x, T); T is a whole number of days
 * here, so a population has far fewer distinct (x, T) than customers and D is evaluated once per pair.</li>
 * </ul>
 * Days must be asked for in increasing order. Not thread-safe.
 */
final class EquityTimeline {

    private static final double DAYS_PER_WEEK = 7;

    private final PurchaseHistory h;
    private final double horizonWeeks;
    private final double discountRate;
    private BgNbdParameters lastPurchaseModel;
    private GammaGammaParameters lastSpendModel;

    EquityTimeline(PurchaseHistory h, double horizonWeeks, double discountRate) {
        ClvEstimator.requireHorizon(horizonWeeks, discountRate);
        this.h = h;
        this.horizonWeeks = horizonWeeks;
        this.discountRate = discountRate;
    }

    /** Customer equity at a day: the total and each customer's CLV (0 for customers not acquired by then). */
    record Equity(double total, double[] clv) {
    }

    /** The equity at day d, or null when it is undefined there (no customers yet, or no repeat purchase to fit). */
    Equity at(int d) {
        int[] members = IntStream.range(0, h.customers()).filter(c -> h.day(h.start(c)) < d).toArray();
        if (members.length == 0) {
            return null;
        }
        int[] ageDays = new int[members.length];
        CustomerSummaries data = summaries(members, d, ageDays);
        ClvEstimator estimator;
        try {
            BgNbdFit purchases = BgNbdModel.fit(data, lastPurchaseModel);
            GammaGammaParameters spend = GammaGammaModel.fit(data, lastSpendModel);
            lastPurchaseModel = purchases.parameters();
            lastSpendModel = spend;
            estimator = new ClvEstimator(purchases, spend);
        } catch (RuntimeException notFittable) {
            // too few or degenerate customers (e.g. nobody has repeated yet): equity is undefined, not an error
            return null;
        }
        long[] pairs = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            pairs[i] = pair(data.frequency(i), ageDays[i]);
        }
        long[] distinct = distinctSorted(pairs);
        double[] ifAlive = new double[distinct.length];
        IntStream.range(0, distinct.length).parallel().forEach(k -> ifAlive[k] = estimator.discountedPurchasesIfAlive(
                (int) (distinct[k] >>> 32), (int) distinct[k] / DAYS_PER_WEEK, horizonWeeks, discountRate));
        double[] clv = new double[h.customers()];
        double total = ChunkedSum.over(members.length, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int x = data.frequency(i);
                double value = estimator.spend(x, data.monetary(i))
                        * estimator.probabilityAlive(x, data.recency(i), data.age(i))
                        * ifAlive[Arrays.binarySearch(distinct, pairs[i])];
                clv[members[i]] = value;
                sum += value;
            }
            return sum;
        });
        return Double.isFinite(total) ? new Equity(total, clv) : null;
    }

    private static long[] distinctSorted(long[] values) {
        long[] sorted = values.clone();
        Arrays.parallelSort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private static long pair(int x, int ageDays) {
        return ((long) x << 32) | ageDays;
    }

    /**
     * FHL's (x, t<sub>x</sub>, T, m) of each member with the calibration period ending at the end of day d&minus;1;
     * T in whole days goes to {@code ageDays}.
     */
    private CustomerSummaries summaries(int[] members, int d, int[] ageDays) {
        int n = members.length;
        String[] ids = new String[n];
        int[] frequency = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            int c = members[i];
            int first = h.start(c);
            int last = LoyaltySummarizer.firstAtOrAfter(h, first, h.end(c), d) - 1;
            int x = h.earlierDays(last);
            ids[i] = h.customer(c);
            frequency[i] = x;
            ageDays[i] = d - 1 - h.day(first);
            age[i] = ageDays[i] / DAYS_PER_WEEK;
            if (x > 0) {
                int lastOfFirstDay = LoyaltySummarizer.firstAtOrAfter(h, first, last, h.day(first) + 1) - 1;
                recency[i] = (h.day(last) - h.day(first)) / DAYS_PER_WEEK;
                monetary[i] = (h.spendThrough(last) - h.spendThrough(lastOfFirstDay)) / x;
            }
        }
        return CustomerSummaries.ofDistinctCustomers(ids, frequency, recency, age, monetary);
    }
}
