package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import java.time.Instant;

/**
 * Revoked access tokens, kept until they would have expired anyway: single tokens by {@code jti},
 * and whole sessions (every access token naming that family). A revocation takes effect at once on
 * the instance that made it and within one second on every other instance.
 */
public interface AccessTokenDenylist {

    /** Denies the access token {@code id} until it expires at {@code expiresAt}. */
    void deny(TokenId id, Instant expiresAt);

    boolean isDenied(TokenId id);

    /** Denies every access token of the session {@code family} until {@code until} (the latest they can expire). */
    void denySession(FamilyId family, Instant until);

    boolean isSessionDenied(FamilyId family);

    /** Forgets entries (tokens and sessions) that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
