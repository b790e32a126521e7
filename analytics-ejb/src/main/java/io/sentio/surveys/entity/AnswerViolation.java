package io.sentio.surveys.entity;

/**
 * One reason why submitted answers were refused.
 *
 * @param field  the answer key as submitted (usually an item name), shortened if very long
 * @param reason a human-readable reason, e.g. "out of range: 11 is not within 1 to 10"
 */
public record AnswerViolation(String field, String reason) {

    public AnswerViolation {
        if (field == null || field.isEmpty()) {
            throw new InvalidSurveyException("field: must name the offending answer key");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidSurveyException("reason: must not be blank");
        }
    }
}
