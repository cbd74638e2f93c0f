package dev.sociallogin.domain.model;

import java.util.Objects;

/** An encoded token together with the claims it carries. */
public record IssuedToken(String value, TokenClaims claims) {

    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(claims, "claims");
    }

    @Override
    public String toString() {
        // never print the token itself
        return "IssuedToken[" + claims.type() + " " + claims.id() + "]";
    }
}
