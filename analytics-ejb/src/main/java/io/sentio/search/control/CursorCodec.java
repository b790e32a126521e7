package io.sentio.search.control;

import io.sentio.search.entity.InvalidQueryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident search-after cursors.
 *
 * <p>A cursor carries the sort values of the last hit of a page (optionally its score, its date and its
 * id) and a 64-bit fingerprint of the query it belongs to, authenticated with HMAC-SHA256 (truncated to
 * 128 bits) under a server key: {@code base64url(payload) "." base64url(mac)}. A cursor that was altered,
 * forged, or issued for another query is rejected with an {@link InvalidQueryException} naming
 * {@code after}. Nodes that share the key accept each other's cursors.
 *
 * <p>Thread-safe: a {@link Mac} is created per call.
 */
final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;

    CursorCodec(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("cursorKey: at least 16 bytes are required");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Sort position of a hit: score (NaN when not sorted by score), date in epoch ms, id. */
    record Position(float score, long date, String id) {
    }

    String encode(long fingerprint, Position p) {
        byte[] id = p.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 8 + id.length);
        b.put(VERSION).putLong(fingerprint).putFloat(p.score()).putLong(p.date()).put(id);
        byte[] payload = b.array();
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(payload) + "." + enc.encodeToString(mac(payload));
    }

    Position decode(String cursor, long fingerprint) {
        int dot = cursor.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            if (dot <= 0) {
                throw new IllegalArgumentException("no separator");
            }
            Base64.Decoder dec = Base64.getUrlDecoder();
            payload = dec.decode(cursor.substring(0, dot));
            mac = dec.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("after: the cursor is malformed; use the 'next' value of the previous page");
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw new InvalidQueryException("after: the cursor was altered or not issued by this service");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        if (payload.length < 21 || b.get() != VERSION) {
            throw new InvalidQueryException("after: the cursor has an unsupported version");
        }
        if (b.getLong() != fingerprint) {
            throw new InvalidQueryException("after: the cursor belongs to a different query or filters");
        }
        float score = b.getFloat();
        long date = b.getLong();
        String id = new String(payload, 21, payload.length - 21, StandardCharsets.UTF_8);
        return new Position(score, date, id);
    }

    /** Fingerprint of the canonical form of a query (everything except page size and cursor). */
    static long fingerprint(String canonical) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return Arrays.copyOf(m.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
