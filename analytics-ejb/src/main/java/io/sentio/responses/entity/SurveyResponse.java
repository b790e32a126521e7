package io.sentio.responses.entity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One respondent's answers to one deployment, as accepted. The id is chosen by the client so that a retried
 * submission is recognised; the fingerprint tells a harmless retry (same answers) from a conflicting reuse.
 *
 * @param customer the invited customer's reference; always null for anonymous deployments
 */
public record SurveyResponse(String id, String deploymentId, String touchpoint, String template, int templateVersion,
                             String language, Map<String, Object> answers, String fingerprint, Instant receivedAt,
                             String customer) {

    /** What a client-generated response id must look like (a UUID fits). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public SurveyResponse {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("response id must match " + ID.pattern());
        }
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(receivedAt, "receivedAt");
        answers = Map.copyOf(answers);
    }

    /**
     * A digest of what was submitted (deployment, language and answers in a canonical form: keys sorted,
     * numbers by value so that 8 and 8.0 are the same answer).
     */
    public static String fingerprint(String deploymentId, String language, Map<String, Object> answers) {
        StringBuilder canonical = new StringBuilder(deploymentId).append('\n').append(language).append('\n');
        new TreeMap<>(answers).forEach((k, v) -> canonical.append(k).append('=').append(canonical(v)).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            // Whole numbers (every rating) print as BigDecimal's plain form would; the BigDecimal per answer was a
            // measurable share of a submission.
            case Integer i -> "n:" + i;
            case Long l -> "n:" + l;
            case Number n -> "n:" + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            case String s -> "s:" + s.length() + ":" + s;
            case Boolean b -> "b:" + b;
            case List<?> list -> list.stream().map(SurveyResponse::canonical).toList().toString();
            case Map<?, ?> map -> new TreeMap<>(map).entrySet().stream()
                    .map(e -> e.getKey() + "=" + canonical(e.getValue())).toList().toString();
            default -> "o:" + value;
        };
    }
}
