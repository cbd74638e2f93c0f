package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.aFirstToken;
import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.aSuccessor;
import static dev.sociallogin.adapter.out.persistence.TestData.aUserId;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.User;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database going away under a running pool, through a real TCP relay: every port answers
 * {@code STORAGE_UNAVAILABLE} within 5 s, and once the database is back the same pool serves again
 * with everything written before still there.
 */
class OutageIT {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration TTL = Duration.ofDays(7);
    /** HikariCP's creator backoff (at most 5 s) plus one connection timeout, and slack for a busy machine. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);

    private TcpProxy proxy;
    private Persistence persistence;

    @BeforeEach
    void open() throws Exception {
        MariaDb.requireReachable();
        URI upstream = URI.create(MariaDb.URL.substring("jdbc:".length()));
        proxy = new TcpProxy(upstream.getHost(), upstream.getPort() < 0 ? 3306 : upstream.getPort());
        String viaProxy = "jdbc:mysql://127.0.0.1:" + proxy.port() + upstream.getRawPath()
                + (upstream.getRawQuery() == null ? "" : "?" + upstream.getRawQuery());
        persistence = Persistence.open(MariaDb.settings(viaProxy, 3), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        if (persistence != null) {
            persistence.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void givenConnectionsReset_everyPort_failsUnavailableWithinBoundAndRecoversAfter() {
        assertOutageAndRecovery(proxy::cut);
    }

    @Test
    void givenNetworkSilent_everyPort_failsUnavailableWithinBoundAndRecoversAfter() {
        assertOutageAndRecovery(proxy::blackhole);
    }

    private void assertOutageAndRecovery(Runnable outage) {
        SocialIdentity identity = anIdentity();
        User user = persistence.users().register(aNewUser(identity)).user();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredRefreshToken token = aFirstToken(user.id(), t0, TTL);
        persistence.refreshTokens().saveNewFamily(token);
        TokenId denied = TokenId.random();
        persistence.accessTokenDenylist().deny(denied, t0.plus(Duration.ofHours(1)));

        outage.run();

        Map<String, Runnable> calls = new LinkedHashMap<>();
        // users read within the last second are answered from memory (CachedUserRepository): ask for others
        calls.put("findById", () -> persistence.users().findById(aUserId()));
        calls.put("findByIdentity", () -> persistence.users().findByIdentity(anIdentity()));
        calls.put("register", () -> persistence.users().register(aNewUser(anIdentity())));
        calls.put("recordLogin", () -> persistence.users().recordLogin(user.id(), t0));
        calls.put("saveNewFamily", () -> persistence.refreshTokens().saveNewFamily(aFirstToken(aUserId(), t0, TTL)));
        calls.put("find", () -> persistence.refreshTokens().find(token.id()));
        calls.put("rotate", () -> persistence.refreshTokens().rotate(token.id(), aSuccessor(token, t0, TTL), t0.plusSeconds(1)));
        calls.put("revokeFamily", () -> persistence.refreshTokens().revokeFamily(token.family(), t0));
        calls.put("revokeFamiliesOfUser", () -> persistence.refreshTokens().revokeFamiliesOfUser(user.id(), token.family(), t0));
        calls.put("purgeExpired", () -> persistence.refreshTokens().purgeExpired(Instant.parse("1990-01-01T00:00:00Z")));
        calls.put("deny", () -> persistence.accessTokenDenylist().deny(TokenId.random(), t0.plusSeconds(60)));
        calls.put("purgeDenied", () -> persistence.accessTokenDenylist().purgeExpired(Instant.parse("1990-01-01T00:00:00Z")));
        calls.forEach((name, call) -> {
            long start = System.nanoTime();
            assertThatThrownBy(call::run).as(name)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(name + " took").isLessThan(BOUND);
        });
        long start = System.nanoTime();
        assertThat(persistence.storageHealth().isAvailable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("health check took").isLessThan(BOUND);
        // revocations live in memory: still answered, without the database
        assertThat(persistence.accessTokenDenylist().isDenied(denied)).isTrue();

        proxy.restore();

        // The same pool heals by itself: HikariCP retries connecting with a backoff capped at 5 s.
        long restored = System.nanoTime();
        while (!persistence.storageHealth().isAvailable()) {
            assertThat(Duration.ofNanos(System.nanoTime() - restored)).as("recovery after restore").isLessThan(RECOVERY_BOUND);
        }
        assertThat(persistence.users().findByIdentity(identity)).contains(user);
        assertThat(persistence.refreshTokens().find(token.id())).contains(token);
        StoredRefreshToken successor = aSuccessor(token, t0, TTL);
        assertThat(persistence.refreshTokens().rotate(token.id(), successor, t0.plusSeconds(1))).isTrue();
        assertThat(persistence.refreshTokens().find(successor.id())).contains(successor);
        assertThat(persistence.accessTokenDenylist().isDenied(denied)).isTrue();
    }
}
