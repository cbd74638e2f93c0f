package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A key created by a rotation: published from {@code createdAt}, signing from {@code activatesAt}. Never its material. */
public record KeyRotation(KeyId kid, TokenType use, SigningAlgorithm algorithm, Instant createdAt, Instant activatesAt) {

    public KeyRotation {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
    }

    public static KeyRotation of(SigningKey key) {
        return new KeyRotation(key.kid(), key.use(), key.algorithm(), key.createdAt(), key.activatesAt());
    }
}
