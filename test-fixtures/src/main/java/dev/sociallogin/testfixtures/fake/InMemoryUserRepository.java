package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UserRepository} in memory. Every method is {@code synchronized}, so a registration is
 * atomic like the real one's transaction: of concurrent first logins of one identity exactly one
 * creates the user and the others get it with {@code created=false}.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final StorageOutage outage;
    private final Map<UserId, User> byId = new HashMap<>();
    private final Map<SocialIdentity, UserId> byIdentity = new HashMap<>();
    private long lastId;

    public InMemoryUserRepository() {
        this(new StorageOutage());
    }

    public InMemoryUserRepository(StorageOutage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    public StorageOutage outage() {
        return outage;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        outage.check();
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<User> findByIdentity(SocialIdentity identity) {
        outage.check();
        Objects.requireNonNull(identity, "identity");
        return Optional.ofNullable(byIdentity.get(identity)).map(byId::get);
    }

    @Override
    public synchronized Registration register(NewUser newUser) {
        outage.check();
        Objects.requireNonNull(newUser, "newUser");
        UserId existing = byIdentity.get(newUser.identity());
        if (existing != null && byId.containsKey(existing)) {
            return new Registration(byId.get(existing), false);
        }
        UserId id = new UserId(++lastId);
        User user = User.registered(id, newUser);
        byId.put(id, user);
        byIdentity.put(newUser.identity(), id);
        return new Registration(user, true);
    }

    @Override
    public synchronized void recordLogin(UserId id, Instant at) {
        outage.check();
        Objects.requireNonNull(at, "at");
        // like an UPDATE that matches no row: an unknown id changes nothing
        byId.computeIfPresent(Objects.requireNonNull(id, "id"), (key, user) -> user.withLastLogin(at));
    }

    @Override
    public synchronized void revokeSessions(UserId id, Instant at) {
        outage.check();
        Objects.requireNonNull(at, "at");
        // never moves back: an earlier second than the stored one changes nothing
        byId.computeIfPresent(Objects.requireNonNull(id, "id"),
                (key, u) -> u.sessionsRevokedAt() != null && !u.sessionsRevokedAt().isBefore(at) ? u : u.withSessionsRevokedAt(at));
    }

    // --- test hooks: what an operator would do in the database ---

    /** Disables the user (active = false), as an operator would. */
    public synchronized void disable(UserId id) {
        byId.computeIfPresent(id, (key, u) ->
                new User(u.id(), u.username(), u.email(), u.nickname(), u.property(), u.lastLogin(), u.dateJoined(), false,
                        u.sessionsRevokedAt()));
    }

    /** Deletes the user and its identity, as an operator would. */
    public synchronized void delete(UserId id) {
        byId.remove(id);
        byIdentity.values().removeIf(id::equals);
    }

    /** How many users are stored. */
    public synchronized int count() {
        return byId.size();
    }
}
