package dev.sociallogin.adapter.out.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the HS256 signing key, refusing a weak one at start-up rather than on the first parse.
 *
 * <p>How a configured secret string ({@code AUTH_JWT_SECRET}) is read, in this order:
 * <ol>
 *   <li>It must not be null, empty, start or end with whitespace, or contain a control character
 *       (a stray newline or tab is a paste accident that would silently give instances different
 *       keys).</li>
 *   <li>If the whole string is strict Base64 — the standard alphabet ({@code +/}) or the URL-safe
 *       one ({@code -_}), not mixed, padding optional but correct when present, canonical (unused
 *       trailing bits zero), no whitespace — and decodes to at least {@value #MIN_KEY_BYTES} bytes,
 *       the decoded bytes are the key. {@code openssl rand -base64 32} gives such a secret.</li>
 *   <li>Otherwise the key is the string's UTF-8 bytes, which must number at least
 *       {@value #MIN_KEY_BYTES}.</li>
 * </ol>
 * A consequence worth knowing: a hex string (e.g. {@code openssl rand -hex 32}) is also valid
 * Base64 and is therefore read as Base64 (64 hex characters give 48 key bytes, carrying the same
 * 256 bits of randomness). Every instance reads the same string the same way, so this is safe.
 *
 * <p>Failures are {@link IllegalArgumentException}s whose message never contains the secret or
 * any part of it.
 */
public final class JwtKeys {

    /** HS256 needs a key at least as long as its 256-bit output (RFC 7518, section 3.2). */
    public static final int MIN_KEY_BYTES = 32;

    /** The JCA name of the key; it is what {@code Jwts.SIG.HS256} expects. */
    static final String HMAC_SHA256 = "HmacSHA256";

    private JwtKeys() {
    }

    /** The key for a configured secret string, read as the class comment describes. */
    public static SecretKey fromSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("JWT secret is missing");
        }
        if (Character.isWhitespace(secret.charAt(0)) || Character.isWhitespace(secret.charAt(secret.length() - 1))
                || secret.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "JWT secret must not start or end with whitespace nor contain control characters");
        }
        Optional<byte[]> decoded = strictBase64(secret).filter(bytes -> bytes.length >= MIN_KEY_BYTES);
        byte[] bytes = decoded.orElseGet(() -> secret.getBytes(StandardCharsets.UTF_8));
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("JWT secret is too weak: it must be Base64 of at least "
                    + MIN_KEY_BYTES + " bytes or at least " + MIN_KEY_BYTES + " bytes of UTF-8 text");
        }
        return fromBytes(bytes);
    }

    /** The key for raw secret bytes; at least {@value #MIN_KEY_BYTES} of them. The array is copied. */
    public static SecretKey fromBytes(byte[] raw) {
        if (raw == null || raw.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("JWT key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        // SecretKeySpec copies the array, and naming it HmacSHA256 (rather than letting jjwt's
        // Keys.hmacShaKeyFor pick HmacSHA512 for a 64-byte secret) keeps every key an HS256 key.
        return new SecretKeySpec(raw, HMAC_SHA256);
    }

    /** The decoded bytes if {@code text} is strict, canonical Base64 in one alphabet; else empty. */
    static Optional<byte[]> strictBase64(String text) {
        boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        if (standard && urlSafe) {
            return Optional.empty();
        }
        String unpadded = stripPadding(text);
        if (unpadded.length() % 4 == 1 || (unpadded.length() != text.length() && text.length() % 4 != 0)) {
            return Optional.empty();
        }
        for (int i = 0; i < unpadded.length(); i++) {
            char c = unpadded.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '-' || c == '_';
            if (!alphabet) {
                return Optional.empty();
            }
        }
        Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
        Base64.Encoder encoder = (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).withoutPadding();
        byte[] bytes;
        try {
            bytes = decoder.decode(unpadded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // The JDK decoder ignores non-zero leftover bits, so two strings could give one key: refuse
        // anything that is not the canonical encoding of what it decodes to.
        if (!encoder.encodeToString(bytes).equals(unpadded)) {
            Arrays.fill(bytes, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=' && text.length() - end < 2) {
            end--;
        }
        return text.substring(0, end);
    }
}
