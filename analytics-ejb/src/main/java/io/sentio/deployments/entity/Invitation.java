package io.sentio.deployments.entity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A single-use invitation to answer one deployment. Only the digest of its token is known here.
 *
 * @param customer the invited customer's reference (may be null)
 * @param usedBy   id of the response that used it, null while unused
 * @param progress answers saved so far by a respondent who will resume later (empty if none)
 */
public record Invitation(String digest, String deploymentId, String customer, Instant expiresAt, Instant usedAt,
                         String usedBy, Map<String, Object> progress) {

    public Invitation {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        progress = progress == null ? Map.of() : Map.copyOf(progress);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isUsed() {
        return usedBy != null;
    }
}
