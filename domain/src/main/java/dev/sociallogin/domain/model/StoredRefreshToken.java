package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The server-side record of a refresh token. It keeps every claim of the token, so the very same
 * token string can be encoded again for a caller that lost the race within the reuse grace.
 *
 * @param familyStartedAt when the login that started this family happened; caps the session
 * @param replacedBy      the successor's id once this token was rotated, else {@code null}
 * @param rotatedAt       when it was rotated, else {@code null}
 * @param revokedAt       when it was revoked (rotation, logout, reuse), else {@code null}
 */
public record StoredRefreshToken(
        TokenId id,
        FamilyId family,
        UserId userId,
        Instant issuedAt,
        Instant expiresAt,
        Instant familyStartedAt,
        TokenId replacedBy,
        Instant rotatedAt,
        Instant revokedAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyStartedAt, "familyStartedAt");
        if ((replacedBy == null) != (rotatedAt == null)) {
            throw new IllegalArgumentException("replacedBy and rotatedAt go together");
        }
    }

    /** A fresh, active token as issued at login or rotation. */
    public static StoredRefreshToken issued(TokenClaims claims, Instant familyStartedAt) {
        if (claims.type() != TokenType.REFRESH) {
            throw new IllegalArgumentException("not a refresh token");
        }
        return new StoredRefreshToken(claims.id(), claims.family(), claims.subject(), claims.issuedAt(), claims.expiresAt(),
                familyStartedAt, null, null, null);
    }

    /** The claims this token was issued with, given its user's username. */
    public TokenClaims claims(Username username) {
        return TokenClaims.refresh(id, userId, username, issuedAt, expiresAt, family);
    }

    public boolean isRotated() {
        return replacedBy != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Neither rotated nor revoked nor expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return replacedBy == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
