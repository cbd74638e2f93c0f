package dev.sociallogin.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of one of our tokens. Times are whole seconds (as JWT carries them), so encoding the
 * same claims twice gives the same token string; the refresh grace relies on that.
 *
 * @param family the rotation family (session): always on refresh tokens; on access tokens since
 *               they name their session (older access tokens carry none and stay acceptable)
 */
public record TokenClaims(
        TokenType type,
        TokenId id,
        UserId subject,
        Username username,
        Instant issuedAt,
        Instant expiresAt,
        FamilyId family) {

    public TokenClaims {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!issuedAt.equals(issuedAt.truncatedTo(ChronoUnit.SECONDS)) || !expiresAt.equals(expiresAt.truncatedTo(ChronoUnit.SECONDS))) {
            throw new IllegalArgumentException("token times must be whole seconds");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
        if (type == TokenType.REFRESH && family == null) {
            throw new IllegalArgumentException("refresh tokens name their family");
        }
    }

    public static TokenClaims access(TokenId id, UserId subject, Username username, Instant issuedAt, Instant expiresAt) {
        return new TokenClaims(TokenType.ACCESS, id, subject, username, issuedAt, expiresAt, null);
    }

    /** An access token of the session {@code family}. */
    public static TokenClaims access(TokenId id, UserId subject, Username username, Instant issuedAt, Instant expiresAt,
            FamilyId family) {
        return new TokenClaims(TokenType.ACCESS, id, subject, username, issuedAt, expiresAt, Objects.requireNonNull(family, "family"));
    }

    public static TokenClaims refresh(TokenId id, UserId subject, Username username, Instant issuedAt, Instant expiresAt, FamilyId family) {
        return new TokenClaims(TokenType.REFRESH, id, subject, username, issuedAt, expiresAt, Objects.requireNonNull(family, "family"));
    }

    public Optional<FamilyId> optionalFamily() {
        return Optional.ofNullable(family);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
