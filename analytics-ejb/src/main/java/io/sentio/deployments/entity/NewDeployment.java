package io.sentio.deployments.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a CX manager asks for when deploying a survey; checked by the {@code Deployments} boundary, which
 * reports every field at fault at once. Null fields take defaults (all template languages, anonymous link).
 *
 * @param extraQuestions a JSON array of SurveyJS questions added before the template's closing comment, or null
 */
public record NewDeployment(String template, String title, String touchpoint, String channel, String mode,
                            List<String> languages, Instant opensAt, Instant closesAt, String extraQuestions) {
}
