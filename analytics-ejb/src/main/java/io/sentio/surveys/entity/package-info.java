/**
 * What a survey asks and what counts as a valid answer: {@link io.sentio.surveys.entity.SurveyTemplate}
 * (a versioned SurveyJS definition plus the measurement role of each item),
 * {@link io.sentio.surveys.entity.SurveyItem}, and the outcome of checking answers,
 * {@link io.sentio.surveys.entity.AnswerViolation}.
 *
 * <p>Why here: every other component reads answers through these records. Satisfaction analytics groups
 * items by {@code construct} (expectation, quality, value, satisfaction, complaints, loyalty, image) and
 * by {@code measure} (nps, csat, ces, comment), and relies on each item's scale to turn scores into
 * 0–100 indexes; collection relies on the same records to refuse answers the analytics could not use.
 *
 * <p>All types are immutable and check their invariants on construction; bad input raises
 * {@link io.sentio.surveys.entity.InvalidSurveyException} naming the offending field.
 */
package io.sentio.surveys.entity;
