package io.sentio.satisfaction.entity;

/** Net promoter score on −100..100 with its 95% interval and the bucket counts. */
public record NpsScore(double score, Interval ci95, long promoters, long passives, long detractors) {
}
