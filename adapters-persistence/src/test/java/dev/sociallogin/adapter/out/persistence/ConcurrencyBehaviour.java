package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.aFirstToken;
import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.aSuccessor;
import static dev.sociallogin.adapter.out.persistence.TestData.aUserId;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Races on real threads against one database; each case runs its callers from one start signal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrencyBehaviour {

    private static final Duration TTL = Duration.ofDays(7);
    private static final Duration GRACE = Duration.ofSeconds(10);

    Persistence persistence;

    /** Settings with a pool of {@code poolSize} connections. */
    abstract PersistenceSettings settings(int poolSize);

    @BeforeEach
    void open() {
        // per test, not @BeforeAll: an unreachable server then shows every test as skipped
        if (persistence == null) {
            persistence = Persistence.open(settings(10), Clock.systemUTC());
        }
    }

    @AfterAll
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @Test
    void given50ConcurrentRefreshesWithinGrace_rotate_oneRotationAndEveryCallerGetsTheSameSuccessor() throws Exception {
        RefreshTokenStore store = persistence.refreshTokens();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredRefreshToken presented = aFirstToken(aUserId(), t0, TTL);
        store.saveNewFamily(presented);
        Instant now = t0.plusSeconds(1);

        // what the refresh use case does: rotate; on losing within the grace, hand out the winner's successor
        List<Object[]> outcomes = race(50, i -> {
            StoredRefreshToken mine = aSuccessor(presented, now, TTL);
            boolean won = store.rotate(presented.id(), mine, now);
            if (won) {
                return new Object[] {true, store.find(mine.id()).orElseThrow()};
            }
            StoredRefreshToken current = store.find(presented.id()).orElseThrow();
            assertThat(current.isRotated()).isTrue();
            assertThat(now.isBefore(current.rotatedAt().plus(GRACE))).isTrue();
            return new Object[] {false, store.find(current.replacedBy()).orElseThrow()};
        });

        assertThat(outcomes.stream().filter(o -> (boolean) o[0]).count()).isEqualTo(1);
        Set<StoredRefreshToken> handedOut = ConcurrentHashMap.newKeySet();
        outcomes.forEach(o -> handedOut.add((StoredRefreshToken) o[1]));
        assertThat(handedOut).hasSize(1);
        StoredRefreshToken successor = handedOut.iterator().next();
        assertThat(store.find(presented.id()).orElseThrow().replacedBy()).isEqualTo(successor.id());
        assertThat(successor.isActiveAt(now)).isTrue();
    }

    @Test
    void given50ConcurrentRefreshesWithZeroGrace_rotate_exactlyOneSucceedsAndOneSuccessorIsStored() throws Exception {
        RefreshTokenStore store = persistence.refreshTokens();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredRefreshToken presented = aFirstToken(aUserId(), t0, TTL);
        store.saveNewFamily(presented);
        Instant now = t0.plusSeconds(1);
        List<StoredRefreshToken> attempted = new CopyOnWriteArrayList<>();

        List<Boolean> results = race(50, i -> {
            StoredRefreshToken mine = aSuccessor(presented, now, TTL);
            attempted.add(mine);
            return store.rotate(presented.id(), mine, now);
        });

        assertThat(results.stream().filter(won -> won).count()).isEqualTo(1);
        assertThat(attempted.stream().filter(s -> store.find(s.id()).isPresent()).count()).isEqualTo(1);
    }

    @Test
    void given20ConcurrentFirstLogins_register_oneUserForTheIdentity() throws Exception {
        SocialIdentity identity = anIdentity();

        List<Registration> registrations = race(20, i -> persistence.users().register(aNewUser(identity)));

        assertThat(registrations.stream().filter(Registration::created).count()).isEqualTo(1);
        assertThat(registrations.stream().map(r -> r.user().id()).distinct()).hasSize(1);
        assertThat(persistence.users().findByIdentity(identity).orElseThrow().id()).isEqualTo(registrations.get(0).user().id());
    }

    @Test
    void givenRotationsInFlight_revokeFamily_leavesNoActiveTokenInTheFamily() throws Exception {
        RefreshTokenStore store = persistence.refreshTokens();
        for (int round = 0; round < 15; round++) {
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            StoredRefreshToken first = aFirstToken(aUserId(), t0, TTL);
            store.saveNewFamily(first);
            List<StoredRefreshToken> stored = new CopyOnWriteArrayList<>(List.of(first));
            AtomicBoolean revoked = new AtomicBoolean();
            int rotators = 6;
            int revokeAfter = 2 + round % 8;

            race(rotators + 1, i -> {
                if (i == rotators) {
                    // the revoker: waits for a few rotations to be in flight, then revokes the family
                    while (stored.size() < revokeAfter && !revoked.get()) {
                        Thread.onSpinWait();
                    }
                    store.revokeFamily(first.family(), Instant.now());
                    revoked.set(true);
                    return null;
                }
                // a rotator: follows the chain, rotating whatever is newest, until rotation fails after
                // revocation (or, were revocation broken, a few rotations later: the assertions then fail)
                int afterRevocation = 0;
                while (true) {
                    StoredRefreshToken newest = stored.get(stored.size() - 1);
                    StoredRefreshToken next = aSuccessor(newest, t0, TTL);
                    if (store.rotate(newest.id(), next, t0.plusSeconds(1))) {
                        stored.add(next);
                    } else if (revoked.get()) {
                        return null;
                    }
                    if (revoked.get() && ++afterRevocation >= 20) {
                        return null;
                    }
                }
            });

            Instant after = t0.plusSeconds(2);
            for (StoredRefreshToken token : stored) {
                StoredRefreshToken now = store.find(token.id()).orElseThrow();
                assertThat(now.isActiveAt(after)).as("token %d of %d after revocation", stored.indexOf(token), stored.size()).isFalse();
                assertThat(now.isRevoked()).isTrue();
            }
            StoredRefreshToken newest = stored.get(stored.size() - 1);
            assertThat(store.rotate(newest.id(), aSuccessor(newest, t0, TTL), after)).isFalse();
        }
    }

    @Test
    void givenTwoInstances_denyOnOne_isSeenByTheOtherWithinOneSecond() throws Exception {
        try (Persistence other = Persistence.open(settings(2), Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                TokenId id = TokenId.random();
                Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
                assertThat(other.accessTokenDenylist().isDenied(id)).isFalse();

                persistence.accessTokenDenylist().deny(id, expiresAt);
                long start = System.nanoTime();
                assertThat(persistence.accessTokenDenylist().isDenied(id)).isTrue();
                while (!other.accessTokenDenylist().isDenied(id) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
                    Thread.sleep(10);
                }
                long seenAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(other.accessTokenDenylist().isDenied(id)).isTrue();
                assertThat(seenAfterMillis).as("ms until the second instance saw the revocation").isLessThan(1000);
            }
        }
    }

    @Test
    void givenRevocationCommittedLaterThanItsStamp_poll_stillPicksItUp() throws Exception {
        try (Persistence other = Persistence.open(settings(1), Clock.systemUTC())) {
            // let the other instance poll past "now", then commit a row stamped 5 s earlier, as a
            // transaction that stamped denied_at and committed late would
            Thread.sleep(2 * JdbcAccessTokenDenylist.DEFAULT_POLL_INTERVAL.toMillis());
            TokenId id = TokenId.random();
            JdbcSupport db = new JdbcSupport(persistence.dataSource());
            java.time.LocalDateTime dbNow = db.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(6)", java.time.LocalDateTime.class);
            db.jdbc.update("INSERT INTO denied_access_tokens (jti, expires_at, denied_at) VALUES (?, ?, ?)", id.value(),
                    JdbcSupport.toDb(Instant.now().plus(Duration.ofHours(1))), JdbcSupport.toDb(dbNow.minusSeconds(5)));

            long start = System.nanoTime();
            while (!other.accessTokenDenylist().isDenied(id) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
                Thread.sleep(10);
            }

            assertThat(other.accessTokenDenylist().isDenied(id)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        }
    }

    @Test
    void givenDeniedTokenExpiring_poll_evictsItFromMemoryOnceExpired() throws Exception {
        MutableClock clock = MutableClock.atCurrentSecond();
        try (JdbcAccessTokenDenylist denylist = new JdbcAccessTokenDenylist(persistence.dataSource(), clock, Duration.ofMillis(50))) {
            denylist.start();
            TokenId id = TokenId.random();
            denylist.deny(id, clock.instant().plusSeconds(60));
            Thread.sleep(200);
            assertThat(denylist.isDenied(id)).as("still live").isTrue();

            clock.advance(Duration.ofSeconds(61));
            long start = System.nanoTime();
            while (denylist.isDenied(id) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2)) {
                Thread.sleep(10);
            }

            assertThat(denylist.isDenied(id)).as("evicted after its expiry").isFalse();
        }
    }

    @Test
    void givenRevocationsMadeBeforeStart_start_loadsThem() {
        TokenId id = TokenId.random();
        persistence.accessTokenDenylist().deny(id, Instant.now().plus(Duration.ofHours(1)));

        try (Persistence other = Persistence.open(settings(1), Clock.systemUTC())) {
            assertThat(other.accessTokenDenylist().isDenied(id)).isTrue();
        }
    }

    /** Runs {@code callers} tasks released together on their own threads; returns their results in order. */
    static <T> List<T> race(int callers, IntFunction<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(index);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
