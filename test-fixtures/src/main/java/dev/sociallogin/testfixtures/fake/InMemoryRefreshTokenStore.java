package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RefreshTokenStore} in memory. Every method is {@code synchronized}: a rotation's "check
 * still active, mark replaced, store successor" is one atomic step, so of concurrent rotations of
 * one token exactly one succeeds, and a revocation of the family either happens before it (the
 * rotation fails) or after it (the successor is revoked too).
 *
 * <p>Rotation also revokes the presented token ({@code revokedAt = rotatedAt = now}); a family
 * once revoked stays revoked, so nothing can rotate into it afterwards.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final StorageOutage outage;
    private final Map<TokenId, StoredRefreshToken> tokens = new HashMap<>();
    private final Map<FamilyId, Family> families = new HashMap<>();

    /** A family's owner and its revocation. */
    private static final class Family {
        final UserId user;
        final Set<TokenId> members = new HashSet<>();
        Instant revokedAt;

        Family(UserId user) {
            this.user = user;
        }
    }

    public InMemoryRefreshTokenStore() {
        this(new StorageOutage());
    }

    public InMemoryRefreshTokenStore(StorageOutage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    public StorageOutage outage() {
        return outage;
    }

    @Override
    public synchronized void saveNewFamily(StoredRefreshToken first) {
        outage.check();
        Objects.requireNonNull(first, "first");
        if (tokens.containsKey(first.id())) {
            throw new IllegalArgumentException("token id already stored");
        }
        if (families.containsKey(first.family())) {
            throw new IllegalArgumentException("family already exists");
        }
        Family family = new Family(first.userId());
        family.members.add(first.id());
        families.put(first.family(), family);
        tokens.put(first.id(), first);
    }

    @Override
    public synchronized Optional<StoredRefreshToken> find(TokenId id) {
        outage.check();
        return Optional.ofNullable(tokens.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized boolean rotate(TokenId presented, StoredRefreshToken successor, Instant now) {
        outage.check();
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(now, "now");
        StoredRefreshToken current = tokens.get(presented);
        if (current == null || !current.isActiveAt(now)) {
            return false;
        }
        Family family = families.get(current.family());
        if (family == null || family.revokedAt != null) {
            return false;
        }
        if (!successor.family().equals(current.family()) || !successor.userId().equals(current.userId())) {
            throw new IllegalArgumentException("a successor stays in its predecessor's family and user");
        }
        if (tokens.containsKey(successor.id())) {
            throw new IllegalArgumentException("token id already stored");
        }
        tokens.put(presented, new StoredRefreshToken(current.id(), current.family(), current.userId(), current.issuedAt(),
                current.expiresAt(), current.familyStartedAt(), successor.id(), now, now));
        tokens.put(successor.id(), successor);
        family.members.add(successor.id());
        return true;
    }

    @Override
    public synchronized int revokeFamily(FamilyId familyId, Instant now) {
        outage.check();
        Objects.requireNonNull(familyId, "family");
        Objects.requireNonNull(now, "now");
        Family family = families.get(familyId);
        if (family == null) {
            return 0;
        }
        if (family.revokedAt == null) {
            family.revokedAt = now;
        }
        int revoked = 0;
        for (TokenId id : family.members) {
            StoredRefreshToken t = tokens.get(id);
            if (t != null && !t.isRevoked()) {
                tokens.put(id, new StoredRefreshToken(t.id(), t.family(), t.userId(), t.issuedAt(), t.expiresAt(),
                        t.familyStartedAt(), t.replacedBy(), t.rotatedAt(), now));
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized List<FamilyId> revokeFamiliesOfUser(UserId user, FamilyId keep, Instant now) {
        outage.check();
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(now, "now");
        List<FamilyId> revoked = new ArrayList<>();
        families.forEach((id, family) -> {
            if (family.user.equals(user) && !id.equals(keep)) {
                if (family.revokedAt == null) {
                    revoked.add(id);
                }
                revokeFamily(id, now);
            }
        });
        return List.copyOf(revoked);
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        outage.check();
        Objects.requireNonNull(now, "now");
        int purged = 0;
        for (Iterator<StoredRefreshToken> it = tokens.values().iterator(); it.hasNext(); ) {
            StoredRefreshToken t = it.next();
            if (t.expiresAt().isBefore(now)) {
                it.remove();
                Family family = families.get(t.family());
                if (family != null) {
                    family.members.remove(t.id());
                    if (family.members.isEmpty()) {
                        families.remove(t.family());
                    }
                }
                purged++;
            }
        }
        return purged;
    }

    /** How many tokens are stored (test hook). */
    public synchronized int size() {
        return tokens.size();
    }
}
