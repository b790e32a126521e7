package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.loyalty.entity.PurchaseHistory;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Customer equity at successive days for {@link LoyaltySummarizer}: at day d, BG/NBD and Gamma-Gamma are fitted
 * on the purchases before d and every customer acquired by then is valued over the horizon ({@link ClvEstimator}).
 * <ul>
 * <li>The calibration summary is that of {@link PurchaseSummarizer} (distinct purchase days, weeks, the period
 * ending with day d&minus;1), read for each customer with one binary search from {@link PurchaseHistory}'s running
 * figures ({@link HistorySummarizer}).</li>
 * <li>Each fit starts from the previous day's: a period later the same customers move the optimum a little, so a
 * fit takes a few Newton steps instead of a multi-start search. A day valued before with other purchases (before
 * an import) starts from that earlier fit of the same day instead, which is closer still.</li>
 * <li>CLV = E[M | x, m] &middot; P(alive | x, t<sub>x</sub>, T) &middot; D(x, T), where D, the discounted
 * purchases if alive, needs the hypergeometric function but depends only on (x, T); T is a whole number of days
 * here, so a population has far fewer distinct (x, T) than customers and D is evaluated once per pair.</li>
 * <li>A boundary whose purchases are unchanged since an earlier summary is taken from the {@link EquityCache}:
 * one pass over the purchases fingerprints the purchases before every boundary at once.</li>
 * </ul>
 * Days must be asked for in increasing order. Not thread-safe.
 */
final class EquityTimeline {

    private static final double DAYS_PER_WEEK = 7;

    private final PurchaseHistory h;
    private final double horizonWeeks;
    private final double discountRate;
    private final EquityCache cache;
    private final int[] days;
    private final long[] fingerprints;
    private BgNbdParameters lastPurchaseModel;
    private GammaGammaParameters lastSpendModel;

    /** @param days every day that will be asked for, ascending */
    EquityTimeline(PurchaseHistory h, int[] days, double horizonWeeks, double discountRate, EquityCache cache) {
        ClvEstimator.requireHorizon(horizonWeeks, discountRate);
        this.h = h;
        this.horizonWeeks = horizonWeeks;
        this.discountRate = discountRate;
        this.cache = cache;
        this.days = days.clone();
        this.fingerprints = fingerprints(h, this.days);
    }

    /**
     * Customer equity at a day: the total, and each customer's CLV (0 for customers not acquired by then), spread
     * over all customers only when a breakdown asks for it.
     */
    final class Equity {
        private final int day;
        private final EquityCache.Valuation valuation;
        private double[] clv;

        private Equity(int day, EquityCache.Valuation valuation) {
            this.day = day;
            this.valuation = valuation;
        }

        double total() {
            return valuation.total();
        }

        synchronized double[] clv() {
            if (clv == null) {
                int[] members = h.customersBuyingBefore(day);
                clv = new double[h.customers()];
                for (int i = 0; i < members.length; i++) {
                    clv[members[i]] = valuation.memberClv()[i];
                }
            }
            return clv;
        }
    }

    /** The equity at day d, or null when it is undefined there (no customers yet, or no repeat purchase to fit). */
    Equity at(int d) {
        EquityCache.Key key = new EquityCache.Key(fingerprintBefore(d), d, horizonWeeks, discountRate);
        EquityCache.Valuation known = cache.get(key);
        if (known == null) {
            int[] members = h.customersBuyingBefore(d);
            if (members.length == 0) {
                return null;
            }
            EquityCache.Valuation before = cache.latestAt(key);
            if (before != null) {
                lastPurchaseModel = before.purchaseModel();
                lastSpendModel = before.spendModel();
            }
            known = compute(members, d);
            if (known == null) {
                return null;
            }
            cache.put(key, known);
        }
        lastPurchaseModel = known.purchaseModel();
        lastSpendModel = known.spendModel();
        return new Equity(d, known);
    }

    /** The fingerprint of every purchase before day d, one of the days announced. */
    long fingerprintBefore(int d) {
        int boundary = Arrays.binarySearch(days, d);
        if (boundary < 0) {
            throw new IllegalArgumentException("day " + d + " was not announced");
        }
        return fingerprints[boundary];
    }

    /** Fits and values the members at day d; null when the models cannot be fitted or the equity is not finite. */
    private EquityCache.Valuation compute(int[] members, int d) {
        CustomerSummaries data = HistorySummarizer.summarize(h, members, d - 1);
        BgNbdFit purchases;
        GammaGammaParameters spend;
        try {
            purchases = BgNbdModel.fit(data, lastPurchaseModel);
            spend = GammaGammaModel.fit(data, lastSpendModel);
        } catch (RuntimeException notFittable) {
            // too few or degenerate customers (e.g. nobody has repeated yet): equity is undefined, not an error
            return null;
        }
        ClvEstimator estimator = new ClvEstimator(purchases, spend);
        long[] pairs = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            pairs[i] = pair(data.frequency(i), d - 1 - h.day(h.start(members[i])));   // T in whole days
        }
        long[] distinct = distinctSorted(pairs);
        double[] ifAlive = new double[distinct.length];
        IntStream.range(0, distinct.length).parallel().forEach(k -> ifAlive[k] = estimator.discountedPurchasesIfAlive(
                (int) (distinct[k] >>> 32), (int) distinct[k] / DAYS_PER_WEEK, horizonWeeks, discountRate));
        double[] memberClv = new double[members.length];
        double total = ChunkedSum.over(members.length, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int x = data.frequency(i);
                double value = estimator.spend(x, data.monetary(i))
                        * estimator.probabilityAlive(x, data.recency(i), data.age(i))
                        * ifAlive[Arrays.binarySearch(distinct, pairs[i])];
                memberClv[i] = value;
                sum += value;
            }
            return sum;
        });
        return Double.isFinite(total)
                ? new EquityCache.Valuation(total, memberClv, purchases.parameters(), spend) : null;
    }

    /**
     * For each day, a 64-bit fingerprint of every purchase before it (customer, day, amount, touchpoint), in one pass
     * over the purchases: each customer's purchases before a day are a prefix of theirs, whose running hash is added
     * to that day's sum as the walk crosses the day.
     */
    private static long[] fingerprints(PurchaseHistory h, int[] days) {
        int chunk = 1 << 15;
        int chunks = (h.customers() + chunk - 1) / chunk;
        long[][] partial = new long[chunks][days.length];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            long[] sums = partial[k];
            for (int c = k * chunk; c < Math.min(h.customers(), (k + 1) * chunk); c++) {
                long running = mix(h.customer(c).hashCode() + 0x9E3779B97F4A7C15L * h.customer(c).length());
                int boundary = 0;
                for (int i = h.start(c); i < h.end(c); i++) {
                    while (boundary < days.length && h.day(i) >= days[boundary]) {
                        if (i > h.start(c)) {
                            sums[boundary] += mix(running);
                        }
                        boundary++;
                    }
                    // day and touchpoint side by side in one word, then the amount: two mixes per purchase
                    running = mix(mix(running + (h.day(i) & 0xFFFF_FFFFL)
                            + ((long) Objects.hashCode(h.touchpoint(i)) << 32)) + Double.doubleToLongBits(h.amount(i)));
                }
                for (; boundary < days.length; boundary++) {
                    sums[boundary] += mix(running);
                }
            }
        });
        long[] total = new long[days.length];
        for (long[] sums : partial) {
            for (int b = 0; b < days.length; b++) {
                total[b] += sums[b];
            }
        }
        return total;
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
}
