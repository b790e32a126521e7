package io.sentio.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable tokens and identifiers. A token has 256 bits from {@link SecureRandom}; only its SHA-256
 * digest is ever stored, so a copy of the database does not let anyone answer as an invitee or sign in.
 */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private SecureTokens() {
    }

    /** A URL-safe token with 256 bits of randomness (43 characters). */
    public static String token() {
        return random(32);
    }

    /** A URL-safe identifier with 128 bits of randomness (22 characters): unguessable resource ids. */
    public static String id() {
        return random(16);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return URL_SAFE.encodeToString(buffer);
    }

    /** The digest under which a token is stored and looked up (hex SHA-256). */
    public static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
