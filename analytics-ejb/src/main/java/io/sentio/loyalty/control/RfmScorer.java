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
        double[] recent = new double[n];
        for (int i = 0; i < n; i++) {
            recent[i] = -requireFinite("recency", i, timeSinceLastPurchase[i]);
        }
        int[] r = quintiles(recent, "recency");
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

    /** Score 1 + floor(5 L / n), L = number of strictly smaller values; higher values score higher. */
    static int[] quintiles(double[] values, String name) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = requireFinite(name, i, values[i]);
        }
        java.util.Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            long below = lowerBound(sorted, values[i]);
            scores[i] = 1 + (int) (5 * below / n);
        }
        return scores;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double requireFinite(String name, int i, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidLoyaltyDataException(name + " of customer #" + (i + 1) + " is not finite: " + v, 0,
                    name);
        }
        return v == 0 ? 0 : v; // -0.0 and 0.0 tie
    }
}
