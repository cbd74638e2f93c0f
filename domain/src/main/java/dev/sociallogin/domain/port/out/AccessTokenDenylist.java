package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import java.time.Instant;

/**
 * Revoked access tokens by {@code jti}, kept until they would have expired anyway. A revocation
 * takes effect at once on the instance that made it and within one second on every other instance.
 *
 * <p>A whole session can be denied too: its access tokens name their family, and the family is
 * kept under {@link #familyKey} in the same list (a key no {@code jti} can equal: those are UUIDs).
 */
public interface AccessTokenDenylist {

    void deny(TokenId id, Instant expiresAt);

    boolean isDenied(TokenId id);

    /** Forgets entries whose token expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);

    /** Denies every access token of the session until {@code until} (the latest they can expire). */
    default void denyFamily(FamilyId family, Instant until) {
        deny(familyKey(family), until);
    }

    default boolean isFamilyDenied(FamilyId family) {
        return isDenied(familyKey(family));
    }

    /** The entry under which a denied session is kept. */
    static TokenId familyKey(FamilyId family) {
        return new TokenId("family:" + family.value());
    }
}
