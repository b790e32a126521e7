package io.sentio.satisfaction.entity;

/**
 * Fornell-Larcker criterion for one construct: discriminant validity holds when √AVE exceeds the
 * construct's largest absolute correlation with any other construct (Fornell &amp; Larcker 1981).
 */
public record FornellLarcker(String construct, double sqrtAve, double maxCorrelation, boolean holds) {
}
