/**
 * Satisfaction statistics, container-free: PLS path modeling of ACSI/ECSI models
 * ({@link io.sentio.satisfaction.control.PlsEstimator}) on sufficient statistics or rows, its parallel
 * bootstrap on a compact answer matrix ({@link io.sentio.satisfaction.control.PlsBootstrap},
 * {@link io.sentio.satisfaction.control.ItemMatrix}), and the everyday metrics NPS, CSAT, CES and their
 * trends ({@link io.sentio.satisfaction.control.SatisfactionMetrics},
 * {@link io.sentio.satisfaction.control.TrendAnalysis}). It owns the formulas, so every one cites its
 * source; storage and serving live in the boundary.
 */
package io.sentio.satisfaction.control;
