package io.sentio.surveys.entity;

/**
 * The shape of an item's answer, which decides how it is validated and stored.
 * Mapped from SurveyJS question types by {@code io.sentio.surveys.control.TemplateParser}.
 */
public enum ItemKind {
    /** SurveyJS {@code rating}: a whole number from {@code scaleMin} to {@code scaleMax}. */
    RATING,
    /**
     * SurveyJS {@code radiogroup} or {@code dropdown}: one of {@code allowedValues}. With a scale
     * ({@code scaleMin < scaleMax}) the values are whole numbers (e.g. ACSI {@code CC1}: 1 = yes, 0 = no),
     * otherwise strings.
     */
    CHOICE,
    /** SurveyJS {@code boolean}: {@code true} or {@code false}. */
    BOOLEAN,
    /** SurveyJS {@code text}: a single line of text. */
    TEXT,
    /** SurveyJS {@code comment}: free text, the open answer analysed for themes and sentiment. */
    COMMENT
}
