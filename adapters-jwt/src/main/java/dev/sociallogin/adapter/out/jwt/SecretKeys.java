package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.adapter.out.jwt.KeyMaterial.LoadedKey;
import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HS256: one secret ({@code AUTH_JWT_SECRET}, else v1's generated key file) signs and verifies both
 * token types; nothing is published and nothing rotates. Its kid is derived from the secret (an HMAC
 * of a fixed label, which reveals nothing of it), so instances sharing the secret share the kid, and
 * a changed secret gives a new kid. Tokens without kid (v1's) are verified with the same secret.
 */
final class SecretKeys implements TokenKeys, SigningKeys {

    private static final byte[] KID_LABEL = "social-login key id".getBytes(StandardCharsets.US_ASCII);

    private final LoadedKey key;
    private final SecretKey secret;
    private final PublishedKeys published;

    SecretKeys(SecretKey secret, String issuer) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.key = new LoadedKey(kidOf(secret), SigningAlgorithm.HS256, null, secret, secret, null);
        this.published = new PublishedKeys(issuer, List.of(SigningAlgorithm.HS256), List.of());
    }

    static KeyId kidOf(SecretKey secret) {
        try {
            Mac mac = Mac.getInstance(JwtKeys.HMAC_SHA256);
            mac.init(secret);
            byte[] digest = mac.doFinal(KID_LABEL);
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
            return new KeyId("hs-" + kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    KeyId kid() {
        return key.kid();
    }

    @Override
    public LoadedKey signer(TokenType type, Instant issuedAt) {
        return key;
    }

    @Override
    public LoadedKey verifier(String kid, Instant now, boolean mayReload) {
        return key.kid().value().equals(kid) ? key : null;
    }

    @Override
    public SecretKey legacySecret() {
        return secret;
    }

    @Override
    public Optional<Instant> legacyIssuedUntil(TokenType type) {
        return Optional.empty();
    }

    @Override
    public PublishedKeys published() {
        return published;
    }

    /** Rotation does not apply: the secret is configured (or v1's key file). */
    @Override
    public List<KeyRotation> rotate() {
        return List.of();
    }
}
