package dev.sociallogin.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * What resource servers need to verify our access tokens without a shared secret: the JWKS members
 * ({@code keys}: every access key from its publication until its removal; empty under HS256) and
 * the values of the discovery metadata (our {@code issuer}, the access-token signing algorithms).
 */
public record PublishedKeys(String issuer, List<SigningAlgorithm> accessTokenAlgorithms, List<PublishedKey> keys) {

    public PublishedKeys {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        accessTokenAlgorithms = List.copyOf(accessTokenAlgorithms);
        keys = List.copyOf(keys);
        if (accessTokenAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("access tokens have at least one algorithm");
        }
        Objects.requireNonNull(keys, "keys");
    }
}
