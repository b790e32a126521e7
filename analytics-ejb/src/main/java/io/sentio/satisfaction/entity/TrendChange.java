package io.sentio.satisfaction.entity;

/**
 * The change of a metric between two consecutive periods.
 *
 * @param test        the test used ("z (NPS, unpooled)", "Welch t", "z (two proportions, pooled)")
 * @param pValue      two-sided p-value of "no change"
 * @param significant pValue &lt; 0.05
 * @param smallSample either period has fewer answers than the small-sample threshold; shown, not hidden
 */
public record TrendChange(String fromPeriod, String toPeriod, long nBefore, long nAfter, double before, double after,
                          double change, double pValue, boolean significant, boolean smallSample, String test) {
}
