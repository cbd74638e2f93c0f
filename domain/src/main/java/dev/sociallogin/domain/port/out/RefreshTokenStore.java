package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Server-side state of refresh tokens and their rotation families. */
public interface RefreshTokenStore {

    /** Stores the first token of a new family (a login); the token's {@code familyStartedAt} starts the family. */
    void saveNewFamily(StoredRefreshToken first);

    Optional<StoredRefreshToken> find(TokenId id);

    /**
     * Atomically: when {@code presented} is still active at {@code now} (not rotated, not revoked,
     * not expired) and its family is not revoked, marks it replaced by {@code successor} (rotated
     * at {@code now}) and stores {@code successor}; returns {@code true}. Otherwise changes nothing
     * and returns {@code false}. Of concurrent calls for one token exactly one returns {@code true},
     * and a concurrent {@link #revokeFamily} never leaves the successor active.
     */
    boolean rotate(TokenId presented, StoredRefreshToken successor, Instant now);

    /** Revokes the family and every token in it; returns how many tokens were newly revoked. */
    int revokeFamily(FamilyId family, Instant now);

    /**
     * Revokes every family of the user except {@code keep} (may be {@code null}: all of them), and
     * every token in them; returns the families this call revoked (not those revoked before).
     */
    List<FamilyId> revokeFamiliesOfUser(UserId user, FamilyId keep, Instant now);

    /** Deletes tokens (and families left empty) that expired before {@code now}; returns how many tokens. */
    int purgeExpired(Instant now);
}
