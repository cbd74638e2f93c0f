package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.TokenId;
import java.time.Instant;

/**
 * Revoked access tokens by {@code jti}, kept until they would have expired anyway. A revocation
 * takes effect at once on the instance that made it and within one second on every other instance.
 */
public interface AccessTokenDenylist {

    void deny(TokenId id, Instant expiresAt);

    boolean isDenied(TokenId id);

    /** Forgets entries whose token expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
