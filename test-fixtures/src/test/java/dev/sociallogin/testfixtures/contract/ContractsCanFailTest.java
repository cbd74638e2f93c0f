package dev.sociallogin.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.builder.TestUsers;
import dev.sociallogin.testfixtures.fake.InMemoryAccessTokenDenylist;
import dev.sociallogin.testfixtures.fake.InMemoryRefreshTokenStore;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;
import dev.sociallogin.testfixtures.fake.InMemoryUserRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Proves the contracts can fail: each runs against an implementation with one typical defect
 * (check-then-act instead of an atomic step, a purge that forgets live entries, ...) and must
 * report it, while the same test passes against the correct fake.
 */
class ContractsCanFailTest {

    @Test
    void givenCheckThenActRotation_rotationRaceContract_fails() {
        RefreshTokenStoreContract broken = storeContract(new CheckThenActRotation(new InMemoryRefreshTokenStore()));
        RefreshTokenStoreContract sound = storeContract(new InMemoryRefreshTokenStore());

        assertThatThrownBy(broken::givenManyThreadsRotatingOneToken_rotate_succeedsExactlyOnceAndNamesTheWinner)
                .isInstanceOf(AssertionError.class);
        assertThatCode(sound::givenManyThreadsRotatingOneToken_rotate_succeedsExactlyOnceAndNamesTheWinner)
                .doesNotThrowAnyException();
    }

    @Test
    void givenRotationIgnoringRevokedFamily_revokedFamilyContract_fails() {
        RefreshTokenStoreContract broken = storeContract(new RotatesRevokedFamilies(new InMemoryRefreshTokenStore()));

        assertThatThrownBy(broken::givenRevokedFamily_rotate_returnsFalse).isInstanceOf(AssertionError.class);
    }

    @Test
    void givenCheckThenInsertRegistration_registrationRaceContract_fails() {
        UserRepositoryContract broken = userContract(new CheckThenInsertRegistration());
        UserRepositoryContract sound = userContract(new InMemoryUserRepository());

        assertThatThrownBy(broken::givenManyThreadsRegisteringOneIdentity_register_createsExactlyOneUser)
                .isInstanceOf(AssertionError.class);
        assertThatCode(sound::givenManyThreadsRegisteringOneIdentity_register_createsExactlyOneUser)
                .doesNotThrowAnyException();
    }

    @Test
    void givenRevocationThatMovesBack_revokeSessionsContract_fails() {
        UserRepositoryContract broken = userContract(new CheckThenInsertRegistration());
        UserRepositoryContract sound = userContract(new InMemoryUserRepository());

        assertThatThrownBy(broken::givenRegisteredUser_revokeSessions_isSeenByEveryLookupAndNeverMovesBack)
                .isInstanceOf(AssertionError.class);
        assertThatCode(sound::givenRegisteredUser_revokeSessions_isSeenByEveryLookupAndNeverMovesBack)
                .doesNotThrowAnyException();
    }

    @Test
    void givenPurgeForgettingLiveEntries_denylistPurgeContract_fails() {
        InMemoryAccessTokenDenylist real = new InMemoryAccessTokenDenylist();
        AccessTokenDenylist purgesAll = new AccessTokenDenylist() {
            @Override
            public void deny(TokenId id, Instant expiresAt) {
                real.deny(id, expiresAt);
            }

            @Override
            public boolean isDenied(TokenId id) {
                return real.isDenied(id);
            }

            @Override
            public void denySession(FamilyId family, Instant until) {
                real.denySession(family, until);
            }

            @Override
            public boolean isSessionDenied(FamilyId family) {
                return real.isSessionDenied(family);
            }

            @Override
            public int purgeExpired(Instant now) {
                return real.purgeExpired(Instant.MAX);
            }
        };
        AccessTokenDenylistContract broken = new AccessTokenDenylistContract() {
            @Override
            protected AccessTokenDenylist denylist() {
                return purgesAll;
            }
        };

        assertThatThrownBy(broken::givenExpiredAndLiveEntries_purgeExpired_forgetsOnlyEntriesExpiredBeforeNow)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void givenSessionsKeptAsTokenIds_denylistSessionContract_fails() {
        // the shortcut the port once took: a session stored under its family id as if it were a jti
        InMemoryAccessTokenDenylist real = new InMemoryAccessTokenDenylist();
        AccessTokenDenylist sessionsAsTokens = new AccessTokenDenylist() {
            @Override
            public void deny(TokenId id, Instant expiresAt) {
                real.deny(id, expiresAt);
            }

            @Override
            public boolean isDenied(TokenId id) {
                return real.isDenied(id);
            }

            @Override
            public void denySession(FamilyId family, Instant until) {
                real.deny(new TokenId(family.value()), until);
            }

            @Override
            public boolean isSessionDenied(FamilyId family) {
                return real.isDenied(new TokenId(family.value()));
            }

            @Override
            public int purgeExpired(Instant now) {
                return real.purgeExpired(now);
            }
        };
        AccessTokenDenylistContract broken = new AccessTokenDenylistContract() {
            @Override
            protected AccessTokenDenylist denylist() {
                return sessionsAsTokens;
            }
        };

        assertThatThrownBy(broken::givenDeniedSession_isSessionDenied_isTrueAtOnce_andIndependentOfTokenIds)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void givenCheckThenInsertKeyStore_concurrentFirstStartsContract_fails() {
        SigningKeyStoreContract broken = keyStoreContract(new CheckThenInsertKeyStore());
        SigningKeyStoreContract sound = keyStoreContract(new InMemorySigningKeyStore());

        assertThatThrownBy(broken::givenConcurrentFirstStarts_exactlyOneKeyPerUseIsCreatedAndAllSeeIt)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(broken::givenConcurrentRotations_exactlyOneNextKeyIsStored).isInstanceOf(AssertionError.class);
        assertThatCode(sound::givenConcurrentFirstStarts_exactlyOneKeyPerUseIsCreatedAndAllSeeIt).doesNotThrowAnyException();
        assertThatCode(sound::givenConcurrentRotations_exactlyOneNextKeyIsStored).doesNotThrowAnyException();
    }

    @Test
    void givenStoreIgnoringRings_ringsContract_fails() {
        InMemorySigningKeyStore real = new InMemorySigningKeyStore();
        SigningKeyStore oneRingForAll = new SigningKeyStore() {
            @Override
            public List<SigningKey> findAll(String ring) {
                return real.findAll("the-only-ring");
            }

            @Override
            public boolean add(String ring, SigningKey key) {
                return real.add("the-only-ring", key);
            }

            @Override
            public int remove(String ring, Collection<KeyId> kids) {
                return real.remove("the-only-ring", kids);
            }
        };

        assertThatThrownBy(keyStoreContract(oneRingForAll)::rings_areSeparate).isInstanceOf(AssertionError.class);
    }

    private static SigningKeyStoreContract keyStoreContract(SigningKeyStore store) {
        return new SigningKeyStoreContract() {
            @Override
            protected SigningKeyStore store() {
                return store;
            }

            @Override
            protected SigningKeyStore otherStore() {
                return store;
            }
        };
    }

    /** Reads "is generation free?", pauses, then appends: two racers both append. */
    private static final class CheckThenInsertKeyStore implements SigningKeyStore {
        private final List<SigningKey> keys = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<SigningKey> findAll(String ring) {
            return List.copyOf(keys);
        }

        @Override
        public boolean add(String ring, SigningKey key) {
            boolean taken = keys.stream().anyMatch(k -> k.use() == key.use() && k.generation() == key.generation());
            if (taken) {
                return false;
            }
            pause();
            keys.add(key);
            return true;
        }

        @Override
        public int remove(String ring, Collection<KeyId> kids) {
            int before = keys.size();
            keys.removeIf(k -> kids.contains(k.kid()));
            return before - keys.size();
        }
    }

    private static RefreshTokenStoreContract storeContract(RefreshTokenStore store) {
        return new RefreshTokenStoreContract() {
            @Override
            protected RefreshTokenStore store() {
                return store;
            }

            @Override
            protected UserId aUser() {
                return TestUsers.randomId();
            }
        };
    }

    private static UserRepositoryContract userContract(UserRepository repository) {
        return new UserRepositoryContract() {
            @Override
            protected UserRepository repository() {
                return repository;
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delegates everything; only {@code rotate} is overridden by the defective subclasses. */
    private abstract static class DelegatingStore implements RefreshTokenStore {
        final InMemoryRefreshTokenStore delegate;

        DelegatingStore(InMemoryRefreshTokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void saveNewFamily(StoredRefreshToken first) {
            delegate.saveNewFamily(first);
        }

        @Override
        public Optional<StoredRefreshToken> find(TokenId id) {
            return delegate.find(id);
        }

        @Override
        public int revokeFamily(FamilyId family, Instant now) {
            return delegate.revokeFamily(family, now);
        }

        @Override
        public List<FamilyId> revokeFamiliesOfUser(UserId user, FamilyId keep, Instant now) {
            return delegate.revokeFamiliesOfUser(user, keep, now);
        }

        @Override
        public int purgeExpired(Instant now) {
            return delegate.purgeExpired(now);
        }
    }

    /** The classic bug: read "still active", then write, in two steps. */
    private static final class CheckThenActRotation extends DelegatingStore {
        CheckThenActRotation(InMemoryRefreshTokenStore delegate) {
            super(delegate);
        }

        @Override
        public boolean rotate(TokenId presented, StoredRefreshToken successor, Instant now) {
            Optional<StoredRefreshToken> current = delegate.find(presented);
            if (current.isEmpty() || !current.get().isActiveAt(now)) {
                return false;
            }
            pause();
            delegate.rotate(presented, successor, now);
            return true;
        }
    }

    /** Looks only at the token, not at its family's revocation (and stores the successor anyway). */
    private static final class RotatesRevokedFamilies extends DelegatingStore {
        RotatesRevokedFamilies(InMemoryRefreshTokenStore delegate) {
            super(delegate);
        }

        @Override
        public boolean rotate(TokenId presented, StoredRefreshToken successor, Instant now) {
            Optional<StoredRefreshToken> current = delegate.find(presented);
            if (current.isEmpty() || current.get().isRotated() || !now.isBefore(current.get().expiresAt())) {
                return false;
            }
            delegate.rotate(presented, successor, now);
            return true;
        }
    }

    /** Registration as "find, then insert" without a unique key to settle the race. */
    private static final class CheckThenInsertRegistration implements UserRepository {
        private final Map<UserId, User> users = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        public Optional<User> findByIdentity(SocialIdentity identity) {
            return users.values().stream().filter(u -> u.username().equals(identity.username())).findFirst();
        }

        @Override
        public Registration register(NewUser newUser) {
            Optional<User> existing = findByIdentity(newUser.identity());
            if (existing.isPresent()) {
                return new Registration(existing.get(), false);
            }
            pause();
            User user = TestUsers.registered(newUser, new UserId(ids.incrementAndGet()));
            users.put(user.id(), user);
            return new Registration(user, true);
        }

        @Override
        public void recordLogin(UserId id, Instant at) {
            users.computeIfPresent(id, (k, u) -> u.withLastLogin(at));
        }

        /** A plain overwrite: a late, earlier logout moves the revocation back. */
        @Override
        public void revokeSessions(UserId id, Instant at) {
            users.computeIfPresent(id, (k, u) -> u.withSessionsRevokedAt(at));
        }
    }
}
