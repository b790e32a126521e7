/**
 * Loyalty and customer-value statistics, pure and container-free: the BG/NBD model of repeat purchasing and
 * P(alive) (Fader, Hardie &amp; Lee 2005), the Gamma-Gamma spend model, customer lifetime value and customer
 * equity ({@link io.sentio.loyalty.control.ClvEstimator}), RFM scores and segments, revenue concentration
 * (Pareto share, Gini, value tiers), the Gauss hypergeometric function the BG/NBD needs, the reader of the
 * fixed CLV input file, the per-period loyalty summary (retention, churn, win-back, breakdowns by segment, tier or
 * touchpoint), the ranking of churn reasons, the community engagement score and behaviour after NPS answers.
 *
 * <p>Why here: these are estimators over compact primitive arrays (a million customers in ~30 MB), used by the
 * loyalty boundary for both uploaded files and stored transactions; keeping them free of the container makes
 * them unit-testable against published results and closed forms. Likelihood sums run on the common fork-join
 * pool in fixed chunks, so results do not depend on the number of threads. Return on customer is a value in
 * {@link io.sentio.loyalty.entity.ReturnOnCustomer}.
 */
package io.sentio.loyalty.control;
