package io.sentio.responses.entity;

import java.util.Map;

/**
 * A respondent's submission as received: client-chosen id, language, answers (JSON values as Java
 * numbers, strings, booleans, lists), and the invitation token for invitation deployments.
 */
public record Submission(String id, String language, Map<String, Object> answers, String token) {
}
