package io.sentio.deployments.entity;

import java.time.Instant;

/** An invitation just created: the token is shown once, to be sent to the customer, and never stored. */
public record IssuedInvitation(String token, String customer, Instant expiresAt) {
}
