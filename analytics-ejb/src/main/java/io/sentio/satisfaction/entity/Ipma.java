package io.sentio.satisfaction.entity;

import java.util.Map;

/**
 * Importance-performance map for a target construct (Ringle &amp; Sarstedt 2016, "Gain more insight
 * from your PLS-SEM results: the importance-performance map analysis", IMDS 116:1865–1886):
 * importance is the unstandardized total effect of a construct on the target when all scores are
 * on the 0–100 scale; performance is the construct's 0–100 index.
 *
 * @param importance  keyed by each construct with a total effect on the target
 * @param performance the same constructs' indexes
 */
public record Ipma(String target, Map<String, Double> importance, Map<String, Double> performance,
                   double targetPerformance) {

    public Ipma {
        importance = Map.copyOf(importance);
        performance = Map.copyOf(performance);
    }
}
