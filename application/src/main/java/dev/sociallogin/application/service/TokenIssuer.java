package dev.sociallogin.application.service;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.IssuedToken;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPair;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Issues tokens under the {@link TokenPolicy}: the one place that decides lifetimes, so login,
 * rotation and the reuse grace cannot drift apart. Times are whole seconds, as JWT carries them.
 */
final class TokenIssuer {

    private final TokenCodec codec;
    private final TokenPolicy policy;

    TokenIssuer(TokenCodec codec, TokenPolicy policy) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The clock's instant cut to whole seconds: every issued time and every check uses it. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    TokenPolicy policy() {
        return policy;
    }

    /** The first refresh token of a new family started at {@code now}; never outlives the session cap. */
    StoredRefreshToken firstOfNewFamily(UserId user, Instant now) {
        Duration lifetime = min(policy.refreshTtl(), policy.sessionMaxLifetime());
        return new StoredRefreshToken(TokenId.random(), FamilyId.random(), user, now, now.plus(lifetime), now, null, null, null);
    }

    /**
     * The successor of {@code presented} issued at {@code now}: same family and family start,
     * expiring after the refresh lifetime or at the family's end, whichever comes first.
     */
    StoredRefreshToken successorOf(StoredRefreshToken presented, Instant now) {
        Instant byTtl = now.plus(policy.refreshTtl());
        Instant end = sessionEnd(presented);
        Instant expiresAt = byTtl.isBefore(end) ? byTtl : end;
        return new StoredRefreshToken(TokenId.random(), presented.family(), presented.userId(), now, expiresAt,
                presented.familyStartedAt(), null, null, null);
    }

    /** When the session this token belongs to ends, however often it rotates: the one place that says so. */
    Instant sessionEnd(StoredRefreshToken token) {
        return token.familyStartedAt().plus(policy.sessionMaxLifetime());
    }

    /** A fresh access token (new {@code jti}) and the refresh token for {@code refresh}. */
    TokenPair pair(User user, StoredRefreshToken refresh, Instant now) {
        return new TokenPair(access(user, refresh.family(), now), refresh(user, refresh));
    }

    /** An access token of the session {@code family}: ending the session can end it too. */
    IssuedToken access(User user, FamilyId family, Instant now) {
        TokenClaims claims = TokenClaims.access(TokenId.random(), user.id(), user.username(), now, now.plus(policy.accessTtl()),
                family);
        return new IssuedToken(codec.encode(claims), claims);
    }

    /** Encodes a stored refresh token; the codec is deterministic, so this is the very string issued before. */
    IssuedToken refresh(User user, StoredRefreshToken refresh) {
        TokenClaims claims = refresh.claims(user.username());
        return new IssuedToken(codec.encode(claims), claims);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
