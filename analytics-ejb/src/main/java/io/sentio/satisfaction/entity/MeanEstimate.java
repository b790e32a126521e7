package io.sentio.satisfaction.entity;

/** A mean with its standard deviation and 95% interval (null for n &lt; 2). */
public record MeanEstimate(long n, double mean, double sd, Interval ci95) {
}
