/**
 * Loyalty and customer-value values: the compact per-customer purchase summary that the CLV models read,
 * fitted model parameters (BG/NBD, Gamma-Gamma), per-customer value estimates, RFM scores and segments,
 * value tiers, return on customer, the churn rule (inactivity or explicit cancellation), the purchase,
 * interaction and exit-answer histories the period analyses read, and their per-period results.
 *
 * <p>Everything here is immutable and checks its invariants in the constructor, so that a value that exists
 * is a valid one; bad input surfaces as {@link io.sentio.loyalty.entity.InvalidLoyaltyDataException}, which
 * names the offending field (and, for files, the line and column). The record shapes of
 * {@link io.sentio.loyalty.entity.BgNbdFit}, {@link io.sentio.loyalty.entity.GammaGammaParameters} and
 * {@link io.sentio.loyalty.entity.CustomerValue} are the JSON shapes served by {@code POST /api/v1/analyses/clv}.
 */
package io.sentio.loyalty.entity;
