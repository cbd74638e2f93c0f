package dev.sociallogin.domain.model;

import java.util.UUID;

/** The {@code jti} of a token: the key of every revocation. */
public record TokenId(String value) {

    public TokenId {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("token id must be 1-64 characters");
        }
    }

    public static TokenId random() {
        return new TokenId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
