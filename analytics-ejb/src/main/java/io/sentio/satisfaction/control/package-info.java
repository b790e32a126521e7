/**
 * Satisfaction statistics, container-free: PLS path modeling of ACSI/ECSI models
 * ({@link io.sentio.satisfaction.control.PlsEstimator}) on sufficient statistics or rows, its parallel
 * bootstrap on a compact answer matrix ({@link io.sentio.satisfaction.control.PlsBootstrap},
 * {@link io.sentio.satisfaction.control.ItemMatrix}), and the everyday metrics NPS, CSAT, CES and their
 * trends ({@link io.sentio.satisfaction.control.SatisfactionMetrics},
 * {@link io.sentio.satisfaction.control.TrendAnalysis}). It owns the formulas, so every one cites its
 * source. Serving support: per touchpoint × day sufficient statistics
 * ({@link io.sentio.satisfaction.control.SatisfactionAggregate}) folded crash-safely from stored responses
 * ({@link io.sentio.satisfaction.control.ResponseFolder}, {@link io.sentio.satisfaction.control.AggregateStore}),
 * and the report figures computed from them alone ({@link io.sentio.satisfaction.control.TouchpointAnalysis}
 * with intervals from {@link io.sentio.satisfaction.control.MomentBootstrap}); see docs/satisfaction.md.
 */
package io.sentio.satisfaction.control;
