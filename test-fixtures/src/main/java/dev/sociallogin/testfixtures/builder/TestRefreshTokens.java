package dev.sociallogin.testfixtures.builder;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;

/** Stored refresh tokens as a login or a rotation issues them; ids and families are random. */
public final class TestRefreshTokens {

    /** The lifetime used when a test does not care: the default 7 days. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    private TestRefreshTokens() {
    }

    /** The first token of a new family, issued at {@code now} (whole seconds) for {@code ttl}. */
    public static StoredRefreshToken firstOfNewFamily(UserId user, Instant now, Duration ttl) {
        return new StoredRefreshToken(TokenId.random(), FamilyId.random(), user, now, now.plus(ttl), now, null, null, null);
    }

    public static StoredRefreshToken firstOfNewFamily(UserId user, Instant now) {
        return firstOfNewFamily(user, now, DEFAULT_TTL);
    }

    /** A token issued at {@code issuedAt} expiring at {@code expiresAt}, first of a new family. */
    public static StoredRefreshToken firstOfNewFamily(UserId user, Instant issuedAt, Instant expiresAt) {
        return new StoredRefreshToken(TokenId.random(), FamilyId.random(), user, issuedAt, expiresAt, issuedAt, null, null, null);
    }

    /** A successor of {@code predecessor} issued at {@code now}: same family, user and family start. */
    public static StoredRefreshToken successorOf(StoredRefreshToken predecessor, Instant now, Duration ttl) {
        return new StoredRefreshToken(TokenId.random(), predecessor.family(), predecessor.userId(), now, now.plus(ttl),
                predecessor.familyStartedAt(), null, null, null);
    }

    public static StoredRefreshToken successorOf(StoredRefreshToken predecessor, Instant now) {
        return successorOf(predecessor, now, DEFAULT_TTL);
    }
}
