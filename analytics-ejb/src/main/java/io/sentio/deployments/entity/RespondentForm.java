package io.sentio.deployments.entity;

import java.util.Map;

/**
 * What the respondent page needs to show a deployment: its survey definition (SurveyJS JSON), the
 * languages offered, and any answers saved earlier under the same invitation.
 */
public record RespondentForm(Deployment deployment, String definition, Map<String, Object> progress) {
}
