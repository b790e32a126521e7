package io.sentio.satisfaction.entity;

/** Customer satisfaction: the mean rating and the top-two-box share (the two highest scale points). */
public record CsatScore(MeanEstimate mean, Proportion topTwoBox) {
}
