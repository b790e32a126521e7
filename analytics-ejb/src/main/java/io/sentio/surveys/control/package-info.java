/**
 * Survey logic that needs no container: reading SurveyJS definitions into
 * {@link io.sentio.surveys.entity.SurveyTemplate}s ({@link io.sentio.surveys.control.TemplateParser}),
 * the catalogue of standard templates shipped in the survey-templates jar
 * ({@link io.sentio.surveys.control.TemplateCatalog}), composing a survey from a template with its own title
 * and extra questions ({@link io.sentio.surveys.control.SurveyComposer}), and checking submitted answers
 * against a survey ({@link io.sentio.surveys.control.AnswerValidator}).
 *
 * <p>Why one place: the server accepts exactly the answers its analytics can use, and the rules for that
 * (which SurveyJS features a survey may use, which values an item takes) must agree between the parser
 * that admits a definition and the validator that admits answers. Every class here is immutable after
 * construction and safe to share between threads.
 */
package io.sentio.surveys.control;
