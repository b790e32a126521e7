package io.sentio.satisfaction.entity;

import java.util.Map;

/**
 * Percentile bootstrap 95% intervals (Efron &amp; Tibshirani 1993, ch. 13): the 2.5% and 97.5%
 * sample quantiles (linear interpolation between order statistics, Hyndman &amp; Fan 1996 type 7)
 * of the estimates over {@code samples} resamples of n rows drawn i.i.d. with replacement.
 *
 * @param samples     resamples requested
 * @param seed        the seed; equal seeds give equal intervals
 * @param failed      resamples whose estimation failed (e.g. a constant indicator) and were left out
 * @param paths       keyed "from->to"
 * @param outerWeights keyed by indicator
 * @param indexes     0–100 construct indexes, keyed by construct
 * @param rSquared    keyed by endogenous construct
 */
public record BootstrapSummary(int samples, long seed, int failed, Map<String, Interval> paths,
                               Map<String, Interval> outerWeights, Map<String, Interval> indexes,
                               Map<String, Interval> rSquared) {

    public BootstrapSummary {
        paths = Map.copyOf(paths);
        outerWeights = Map.copyOf(outerWeights);
        indexes = Map.copyOf(indexes);
        rSquared = Map.copyOf(rSquared);
    }
}
