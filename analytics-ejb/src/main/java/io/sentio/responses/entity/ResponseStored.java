package io.sentio.responses.entity;

/**
 * Announced (synchronously, after the response is durable) when a new response was stored, so that
 * aggregates and the comment index can be updated without polling. Followers must be quick and must not
 * fail: the respondent is still waiting for the acknowledgement.
 */
public record ResponseStored(String id, String touchpoint) {
}
