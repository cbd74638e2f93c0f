package dev.sociallogin.adapter.out.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users as every authenticated request reads them, without a database round trip each time: a user
 * row is kept for at most {@link #FRESH_FOR} after it was read, so a change another instance (or an
 * operator) makes is seen here within that time, as revocations are through the denylist poll; a
 * change made through this instance (a login, a global logout) drops the row at once, so the next
 * read sees it. Which user a provider identity belongs to never changes once registered (users are
 * never deleted), so that mapping is kept as long as there is room.
 */
final class CachedUserRepository implements UserRepository {

    /** How stale a user row may be: the same bound the contract sets for revocations across instances. */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);
    static final int MAX_USERS = 100_000;

    private final UserRepository database;
    /** Moves on every change made here: a row read before a change is not kept after it. */
    private final AtomicLong changes = new AtomicLong();
    private final Cache<UserId, User> users;
    private final Cache<SocialIdentity, UserId> identities;

    CachedUserRepository(UserRepository database) {
        this(database, Ticker.systemTicker());
    }

    /** With the time source that ages the rows (tests). */
    CachedUserRepository(UserRepository database, Ticker ticker) {
        this.database = Objects.requireNonNull(database, "database");
        this.users = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterWrite(FRESH_FOR).ticker(ticker).build();
        this.identities = Caffeine.newBuilder().maximumSize(MAX_USERS).build();
    }

    @Override
    public Optional<User> findById(UserId id) {
        User cached = users.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = changes.get();
        Optional<User> loaded = database.findById(id);
        loaded.ifPresent(user -> keep(before, user));
        return loaded;
    }

    @Override
    public Optional<User> findByIdentity(SocialIdentity identity) {
        UserId known = identities.getIfPresent(identity);
        if (known != null) {
            return findById(known);
        }
        long before = changes.get();
        Optional<User> loaded = database.findByIdentity(identity);
        loaded.ifPresent(user -> {
            identities.put(identity, user.id());
            keep(before, user);
        });
        return loaded;
    }

    @Override
    public Registration register(NewUser newUser) {
        long before = changes.get();
        Registration registration = database.register(newUser);
        identities.put(newUser.identity(), registration.user().id());
        keep(before, registration.user());
        return registration;
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        database.recordLogin(id, at);
        changed(id);
    }

    @Override
    public void revokeSessions(UserId id, Instant at) {
        database.revokeSessions(id, at);
        changed(id);
    }

    private void changed(UserId id) {
        changes.incrementAndGet();
        users.invalidate(id);
    }

    /** Keeps a row read when the change counter stood at {@code before}, unless a change came since. */
    private void keep(long before, User user) {
        users.asMap().compute(user.id(), (id, current) -> changes.get() == before ? user : current);
    }
}
