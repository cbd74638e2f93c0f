package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.TokenClaims;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature and claims were verified, so the same token presented again (every
 * API call of a session presents one) skips the signature check: an ES256 or EdDSA verification
 * costs a thousand times a map lookup.
 *
 * <p>Why this is safe: an entry is made only after full verification, and is found only by the
 * SHA-256 of the exact token string (canonical form checked before; a digest, not the token, so no
 * lookup compares a presented string with a stored token character by character, and memory holds
 * no tokens). What can change after the first check is checked again on every hit by the codec:
 * the key still accepted (retired keys reach their horizon, removed ones disappear), the expected
 * type, expiry. Revocation is not the codec's (the denylist is consulted on every request).
 *
 * <p>Bounded: at {@code maxEntries}, expired entries are dropped, and if that frees nothing the map
 * is cleared (the next requests verify again). Only valid tokens enter, so only someone holding many
 * valid tokens can churn it, and that costs no more than having no cache.
 */
final class VerifiedTokenCache {

    /** A verified token: its claims and the kid that verified it ({@code null}: the v1 secret). */
    record Entry(TokenClaims claims, String kid) {
    }

    /** A token's SHA-256 as four longs: equality and hash without keeping the token. */
    record Digest(long a, long b, long c, long d) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final int maxEntries;
    private final ConcurrentHashMap<Digest, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        this.maxEntries = maxEntries;
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    static Digest digest(String token) {
        MessageDigest sha256 = SHA256.get();
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }

    Entry get(Digest digest) {
        return entries.get(digest);
    }

    void put(Digest digest, Entry entry, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(cached -> cached.claims().isExpiredAt(now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(digest, entry);
    }

    void forget(Digest digest) {
        entries.remove(digest);
    }

    int size() {
        return entries.size();
    }
}
