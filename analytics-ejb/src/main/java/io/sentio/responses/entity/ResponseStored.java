package io.sentio.responses.entity;

/**
 * Fired (synchronously, after the response is durable) when a new response was stored, so that
 * aggregates can be updated without polling. Observers must be quick and must not fail: the
 * respondent is still waiting for the acknowledgement.
 */
public record ResponseStored(String id, String touchpoint) {
}
