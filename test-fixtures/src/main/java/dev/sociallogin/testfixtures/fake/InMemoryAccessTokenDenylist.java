package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link AccessTokenDenylist} in memory: one instance, so a revocation takes effect at once.
 * Denying a token or session twice keeps the later expiry.
 */
public final class InMemoryAccessTokenDenylist implements AccessTokenDenylist {

    private final StorageOutage outage;
    private final Map<TokenId, Instant> denied = new HashMap<>();
    private final Map<FamilyId, Instant> deniedSessions = new HashMap<>();

    public InMemoryAccessTokenDenylist() {
        this(new StorageOutage());
    }

    public InMemoryAccessTokenDenylist(StorageOutage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    public StorageOutage outage() {
        return outage;
    }

    @Override
    public synchronized void deny(TokenId id, Instant expiresAt) {
        outage.check();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        denied.merge(id, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public synchronized boolean isDenied(TokenId id) {
        outage.check();
        return denied.containsKey(Objects.requireNonNull(id, "id"));
    }

    @Override
    public synchronized void denySession(FamilyId family, Instant until) {
        outage.check();
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(until, "until");
        deniedSessions.merge(family, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public synchronized boolean isSessionDenied(FamilyId family) {
        outage.check();
        return deniedSessions.containsKey(Objects.requireNonNull(family, "family"));
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        outage.check();
        Objects.requireNonNull(now, "now");
        int before = size();
        denied.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        deniedSessions.values().removeIf(until -> until.isBefore(now));
        return before - size();
    }

    /** How many entries are kept (test hook). */
    public synchronized int size() {
        return denied.size() + deniedSessions.size();
    }
}
