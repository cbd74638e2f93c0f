package dev.sociallogin.domain.model;

import java.util.Objects;

/** An access token and the refresh token issued with it. */
public record TokenPair(IssuedToken access, IssuedToken refresh) {

    public TokenPair {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
        if (access.claims().type() != TokenType.ACCESS || refresh.claims().type() != TokenType.REFRESH) {
            throw new IllegalArgumentException("a pair is one access and one refresh token");
        }
    }
}
