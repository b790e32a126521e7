package io.sentio.satisfaction.entity;

/** A share of answers with its 95% interval. */
public record Proportion(long successes, long n, double share, Interval ci95) {
}
