package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.RfmScore;
import io.sentio.loyalty.entity.RfmSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RFM quintile scores (Hughes 1994, "Strategic Database Marketing"): recency, frequency and monetary value each
 * scored 1&ndash;5 by the customer's position among all customers, 5 = best (most recent, most frequent, highest
 * spend); segments follow {@link RfmSegment}.
 *
 * <p>Quintile rule: with L the number of customers strictly worse on a measure and n the number of customers,
 * score = 1 + &lfloor;5L/n&rfloor;. Tied customers therefore always share a score (the score of the lowest
 * position of their tie group, like SQL's {@code PERCENT_RANK}), independent of input order; with distinct
 * values and n a multiple of 5 the quintiles have exactly n/5 customers each. Heavy ties (e.g. most customers
 * with 0 repeat purchases) make some quintiles empty rather than splitting equal customers arbitrarily.
 * Stateless and thread-safe.
 */
public final class RfmScorer {

    private RfmScorer() {
    }

    /**
     * Scores customers from the calibration summary: recency = time since the last purchase T &minus;
     * t<sub>x</sub> (less is better), frequency = repeat purchases x, monetary = mean repeat spend.
     */
    public static List<RfmScore> score(CustomerSummaries data) {
        int n = data.size();
        double[] sinceLast = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            sinceLast[i] = data.age(i) - data.recency(i);
            frequency[i] = data.frequency(i);
            monetary[i] = data.monetary(i);
        }
        return score(sinceLast, frequency, monetary);
    }

    /**
     * Scores customers given, per customer, the time since the last purchase (less is better), a purchase count
     * and a monetary value (more is better). Arrays must have equal, non-zero length and finite values.
     */
    public static List<RfmScore> score(double[] timeSinceLastPurchase, double[] frequency, double[] monetary) {
        int n = timeSinceLastPurchase.length;
        if (n == 0 || frequency.length != n || monetary.length != n) {
            throw new InvalidLoyaltyDataException("RFM needs equally long, non-empty columns; got "
                    + n + ", " + frequency.length + ", " + monetary.length);
        }
        int[] r = recencyQuintiles(timeSinceLastPurchase);
        int[] f = quintiles(frequency, "frequency");
        int[] m = quintiles(monetary, "monetary");
        List<RfmScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(new RfmScore(r[i], f[i], m[i]));
        }
        return Collections.unmodifiableList(scores);
    }

    /** Number of customers per segment (every segment present, possibly with 0). */
    public static Map<RfmSegment, Long> segmentSizes(List<RfmScore> scores) {
        Map<RfmSegment, Long> sizes = new EnumMap<>(RfmSegment.class);
        for (RfmSegment s : RfmSegment.values()) {
            sizes.put(s, 0L);
        }
        for (RfmScore s : scores) {
            sizes.merge(s.segment(), 1L, Long::sum);
        }
        return sizes;
    }

    /**
     * The number of customers per segment from the recency and frequency columns of {@link #score(double[],
     * double[], double[])} (the segment does not depend on the monetary score), without an object per customer.
     */
    public static Map<RfmSegment, Long> segmentSizes(double[] timeSinceLastPurchase, double[] frequency) {
        int n = timeSinceLastPurchase.length;
        if (n == 0 || frequency.length != n) {
            throw new InvalidLoyaltyDataException("RFM needs equally long, non-empty columns; got " + n + ", "
                    + frequency.length);
        }
        int[] r = recencyQuintiles(timeSinceLastPurchase);
        int[] f = quintiles(frequency, "frequency");
        long[] counts = new long[RfmSegment.values().length];
        for (int i = 0; i < n; i++) {
            counts[RfmSegment.of(r[i], f[i]).ordinal()]++;
        }
        Map<RfmSegment, Long> sizes = new EnumMap<>(RfmSegment.class);
        for (RfmSegment segment : RfmSegment.values()) {
            sizes.put(segment, counts[segment.ordinal()]);
        }
        return sizes;
    }

    /** Recency scores: a shorter time since the last purchase scores higher. */
    private static int[] recencyQuintiles(double[] timeSinceLastPurchase) {
        double[] recent = new double[timeSinceLastPurchase.length];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = -requireFinite("recency", i, timeSinceLastPurchase[i]);
        }
        return quintiles(recent, "recency");
    }

    /**
     * Score 1 + floor(5 L / n), L = number of strictly smaller values; higher values score higher. Since
     * score &ge; k+1 exactly when L &ge; m<sub>k</sub> = &lceil;kn/5&rceil;, i.e. when the m<sub>k</sub>-th
     * smallest value is below v, the score is 1 + the number of the four cut values v<sub>(m<sub>k</sub>)</sub>
     * below v: four order statistics (selection, O(n)) instead of a sort and a search per customer.
     */
    static int[] quintiles(double[] values, String name) {
        int n = values.length;
        double[] copy = new double[n];
        for (int i = 0; i < n; i++) {
            copy[i] = requireFinite(name, i, values[i]);
        }
        int[] ranks = new int[4];
        for (int k = 1; k <= 4; k++) {
            ranks[k - 1] = (int) ((k * (long) n + 4) / 5) - 1; // ceil(kn/5), 0-based
        }
        double[] cuts = orderStatistics(copy, ranks);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            double v = values[i] == 0 ? 0 : values[i];
            scores[i] = 1 + (v > cuts[0] ? 1 : 0) + (v > cuts[1] ? 1 : 0) + (v > cuts[2] ? 1 : 0)
                    + (v > cuts[3] ? 1 : 0);
        }
        return scores;
    }

    /**
     * The values of the given 0-based ascending ranks (sorted, possibly repeated) by multiple quickselect with a
     * three-way partition (ties, frequent in RFM columns, are settled in one pass). Reorders {@code values}.
     */
    static double[] orderStatistics(double[] values, int[] ranks) {
        double[] out = new double[ranks.length];
        select(values, 0, values.length - 1, ranks, 0, ranks.length - 1, out);
        return out;
    }

    private static void select(double[] v, int lo, int hi, int[] ranks, int firstRank, int lastRank, double[] out) {
        while (firstRank <= lastRank) {
            if (hi - lo < 16) {
                java.util.Arrays.sort(v, lo, hi + 1);
                for (int r = firstRank; r <= lastRank; r++) {
                    out[r] = v[ranks[r]];
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            double pivot = Math.max(Math.min(v[lo], v[mid]), Math.min(Math.max(v[lo], v[mid]), v[hi]));
            int less = lo;
            int i = lo;
            int greater = hi;
            while (i <= greater) {
                if (v[i] < pivot) {
                    swap(v, less++, i++);
                } else if (v[i] > pivot) {
                    swap(v, i, greater--);
                } else {
                    i++;
                }
            }
            // [lo, less) < pivot, [less, greater] == pivot, (greater, hi] > pivot
            int r = firstRank;
            while (r <= lastRank && ranks[r] < less) {
                r++;
            }
            int afterEqual = r;
            while (afterEqual <= lastRank && ranks[afterEqual] <= greater) {
                out[afterEqual++] = pivot;
            }
            select(v, lo, less - 1, ranks, firstRank, r - 1, out);
            lo = greater + 1;
            firstRank = afterEqual;
        }
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    private static double requireFinite(String name, int i, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidLoyaltyDataException(name + " of customer #" + (i + 1) + " is not finite: " + v, 0,
                    name);
        }
        return v == 0 ? 0 : v; // -0.0 and 0.0 tie
    }
}
