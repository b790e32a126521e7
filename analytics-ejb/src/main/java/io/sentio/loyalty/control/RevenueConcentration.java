package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.ValueTier;
import io.sentio.loyalty.entity.ValueTierThresholds;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How concentrated revenue is across customers: the Pareto share (revenue share of the top 20% of customers),
 * the Gini coefficient and value tiers. Input: one non-negative, finite revenue per customer (at least one
 * customer). A cohort with zero total revenue is treated as perfectly equal (Gini 0, top-share = the fraction)
 * and all its customers are tier C. Stateless and thread-safe.
 */
public final class RevenueConcentration {

    private RevenueConcentration() {
    }

    /** Revenue share of the top 20% of customers, {@link #topShare topShare(revenue, 0.2)}. */
    public static double paretoShare(double[] revenue) {
        return topShare(revenue, 0.2);
    }

    /**
     * Revenue share of the top {@code fraction} of customers by revenue, read off the Lorenz curve with linear
     * interpolation inside a customer (so that it is exact for any n, e.g. 20% of 7 customers = the top one plus
     * 0.4 of the second).
     */
    public static double topShare(double[] revenue, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new InvalidLoyaltyDataException("fraction must be in [0, 1], was " + fraction, 0, "fraction");
        }
        double[] sorted = sortedAscending(revenue);
        return topShareOfSorted(sorted, sum(sorted), fraction);
    }

    private static double topShareOfSorted(double[] sorted, double total, double fraction) {
        if (total == 0) {
            return fraction;
        }
        int n = sorted.length;
        double k = fraction * n;
        int whole = (int) Math.floor(k);
        double top = 0;
        for (int i = 0; i < whole; i++) {
            top += sorted[n - 1 - i];
        }
        if (whole < n) {
            top += (k - whole) * sorted[n - 1 - whole];
        }
        return top / total;
    }

    /**
     * Gini coefficient of revenue, G = &Sigma;<sub>i</sub> (2i &minus; n &minus; 1) x<sub>(i)</sub> /
     * (n &Sigma; x) over revenues sorted ascending, i = 1..n (the sample form of Gini's mean difference over twice
     * the mean). 0 for equal revenues, (n&minus;1)/n when one customer has everything.
     */
    public static double gini(double[] revenue) {
        double[] sorted = sortedAscending(revenue);
        return giniOfSorted(sorted, sum(sorted));
    }

    private static double giniOfSorted(double[] sorted, double total) {
        if (total == 0) {
            return 0;
        }
        int n = sorted.length;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return weighted / (n * total);
    }

    /**
     * The value tier of each customer (in input order) by cumulative revenue share, see
     * {@link ValueTierThresholds}: customers with equal revenue always share a tier.
     */
    public static List<ValueTier> tiers(double[] revenue, ValueTierThresholds thresholds) {
        double[] sorted = sortedAscending(revenue);
        double total = sum(sorted);
        int n = sorted.length;
        ValueTier[] tiers = new ValueTier[n];
        if (total == 0) {
            Arrays.fill(tiers, ValueTier.C);
            return List.of(tiers);
        }
        // suffix sums over the ascending order: revenue of customers at positions >= j
        double[] atOrAbove = new double[n + 1];
        for (int j = n - 1; j >= 0; j--) {
            atOrAbove[j] = atOrAbove[j + 1] + sorted[j];
        }
        for (int i = 0; i < n; i++) {
            int firstGreater = upperBound(sorted, revenue[i]);
            double shareAbove = atOrAbove[firstGreater] / total;
            tiers[i] = thresholds.tierFor(shareAbove);
        }
        return Collections.unmodifiableList(Arrays.asList(tiers));
    }

    /** Pareto share, Gini and the number of customers per value tier of one period's revenues. */
    public record Summary(double paretoShare, double gini, Map<ValueTier, Long> tierSizes) {
    }

    /**
     * {@link #paretoShare}, {@link #gini} and the sizes of {@link #tiers} from one sort, for summaries over
     * many customers: the tiers are counted walking down the ranking one group of equal revenues at a time.
     */
    public static Summary summary(double[] revenue, ValueTierThresholds thresholds) {
        double[] sorted = sortedAscending(revenue);
        double total = sum(sorted);
        Map<ValueTier, Long> sizes = new EnumMap<>(ValueTier.class);
        for (ValueTier tier : ValueTier.values()) {
            sizes.put(tier, 0L);
        }
        if (total == 0) {
            sizes.put(ValueTier.C, (long) sorted.length);
        } else {
            double above = 0; // revenue of the customers ranked strictly higher than the current group
            for (int end = sorted.length; end > 0; ) {
                int start = end - 1;
                while (start > 0 && sorted[start - 1] == sorted[end - 1]) {
                    start--;
                }
                sizes.merge(thresholds.tierFor(above / total), (long) (end - start), Long::sum);
                for (int i = start; i < end; i++) {
                    above += sorted[i];
                }
                end = start;
            }
        }
        return new Summary(topShareOfSorted(sorted, total, 0.2), giniOfSorted(sorted, total), sizes);
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] sortedAscending(double[] revenue) {
        if (revenue == null || revenue.length == 0) {
            throw new InvalidLoyaltyDataException("revenue needs at least one customer", 0, "revenue");
        }
        double[] sorted = revenue.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] >= 0) || !Double.isFinite(sorted[i])) {
                throw new InvalidLoyaltyDataException("revenue of customer #" + (i + 1)
                        + " must be finite and >= 0, was " + sorted[i], 0, "revenue");
            }
            sorted[i] += 0.0; // -0.0 -> 0.0
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
