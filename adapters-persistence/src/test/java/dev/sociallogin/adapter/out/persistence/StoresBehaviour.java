package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.T0;
import static dev.sociallogin.adapter.out.persistence.TestData.aFirstToken;
import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.aSuccessor;
import static dev.sociallogin.adapter.out.persistence.TestData.aUserId;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the stores do, run against the embedded H2 database and against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoresBehaviour {

    private static final Duration TTL = Duration.ofDays(7);

    Persistence persistence;

    abstract PersistenceSettings settings();

    @BeforeEach
    void open() {
        // per test, not @BeforeAll: an unreachable server then shows every test as skipped
        if (persistence == null) {
            persistence = Persistence.open(settings(), Clock.systemUTC());
        }
    }

    @AfterAll
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @Test
    void givenNewIdentity_register_storesUserAndIdentity() {
        SocialIdentity identity = anIdentity();
        Registration registration = persistence.users().register(aNewUser(identity));

        assertThat(registration.created()).isTrue();
        User user = registration.user();
        assertThat(user.username()).isEqualTo(identity.username());
        assertThat(user.email()).isEqualTo(new Email("someone@example.com"));
        assertThat(user.property()).isEqualTo(User.INITIAL_PROPERTY);
        assertThat(user.dateJoined()).isEqualTo(T0);
        assertThat(user.lastLogin()).isNull();
        assertThat(user.active()).isTrue();
        assertThat(persistence.users().findById(user.id())).contains(user);
        assertThat(persistence.users().findByIdentity(identity)).contains(user);
    }

    @Test
    void givenRegisteredIdentity_register_returnsExistingUserNotCreated() {
        SocialIdentity identity = anIdentity();
        User first = persistence.users().register(aNewUser(identity)).user();

        Registration again = persistence.users().register(
                new NewUser(identity, null, Nickname.of("other"), 1, T0.plusSeconds(60)));

        assertThat(again.created()).isFalse();
        assertThat(again.user()).isEqualTo(first);
    }

    @Test
    void givenEmojiNickname_register_roundTripsFourByteCharacters() {
        SocialIdentity identity = anIdentity();
        Nickname nickname = Nickname.of("카카오 친구 😀🎉🦄 " + "가".repeat(20) + "😀😀😀😀");
        User user = persistence.users().register(new NewUser(identity, null, nickname, 5, T0)).user();

        User found = persistence.users().findById(user.id()).orElseThrow();
        assertThat(found.nickname()).isEqualTo(nickname);
        assertThat(found.email()).isNull();
    }

    @Test
    void givenUnknownIds_find_returnsEmpty() {
        assertThat(persistence.users().findById(new UserId(Long.MAX_VALUE))).isEmpty();
        assertThat(persistence.users().findByIdentity(anIdentity())).isEmpty();
        assertThat(persistence.refreshTokens().find(TokenId.random())).isEmpty();
    }

    @Test
    void givenUser_recordLogin_setsLastLoginToTheMicrosecond() {
        User user = persistence.users().register(aNewUser(anIdentity())).user();
        Instant at = Instant.parse("2026-11-27T11:12:13.123456Z");

        persistence.users().recordLogin(user.id(), at);

        assertThat(persistence.users().findById(user.id()).orElseThrow().lastLogin()).isEqualTo(at);
    }

    @Test
    void givenNewFamily_find_returnsEveryField() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(first);

        assertThat(persistence.refreshTokens().find(first.id())).contains(first);
    }

    @Test
    void givenActiveToken_rotate_marksItReplacedAndStoresSuccessor() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(first);
        Instant now = T0.plusSeconds(3600);
        StoredRefreshToken successor = aSuccessor(first, now, TTL);

        assertThat(persistence.refreshTokens().rotate(first.id(), successor, now)).isTrue();

        StoredRefreshToken rotated = persistence.refreshTokens().find(first.id()).orElseThrow();
        assertThat(rotated.replacedBy()).isEqualTo(successor.id());
        assertThat(rotated.rotatedAt()).isEqualTo(now);
        assertThat(rotated.revokedAt()).isEqualTo(now);
        assertThat(rotated.isActiveAt(now)).isFalse();
        StoredRefreshToken stored = persistence.refreshTokens().find(successor.id()).orElseThrow();
        assertThat(stored).isEqualTo(successor);
        assertThat(stored.familyStartedAt()).isEqualTo(T0);
    }

    @Test
    void givenRotatedToken_rotateAgain_returnsFalseAndStoresNothing() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(first);
        Instant now = T0.plusSeconds(60);
        StoredRefreshToken winner = aSuccessor(first, now, TTL);
        persistence.refreshTokens().rotate(first.id(), winner, now);
        StoredRefreshToken loser = aSuccessor(first, now, TTL);

        assertThat(persistence.refreshTokens().rotate(first.id(), loser, now.plusSeconds(1))).isFalse();

        assertThat(persistence.refreshTokens().find(loser.id())).isEmpty();
        assertThat(persistence.refreshTokens().find(first.id()).orElseThrow().replacedBy()).isEqualTo(winner.id());
    }

    @Test
    void givenExpiredToken_rotate_returnsFalse() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, Duration.ofSeconds(10));
        persistence.refreshTokens().saveNewFamily(first);
        Instant now = first.expiresAt();

        assertThat(persistence.refreshTokens().rotate(first.id(), aSuccessor(first, now, TTL), now)).isFalse();
    }

    @Test
    void givenUnknownToken_rotate_returnsFalse() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(first);

        assertThat(persistence.refreshTokens().rotate(TokenId.random(), aSuccessor(first, T0, TTL), T0)).isFalse();
    }

    @Test
    void givenTokenOfAnotherFamily_rotate_returnsFalse() {
        StoredRefreshToken mine = aFirstToken(aUserId(), T0, TTL);
        StoredRefreshToken other = aFirstToken(mine.userId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(mine);
        persistence.refreshTokens().saveNewFamily(other);

        assertThat(persistence.refreshTokens().rotate(mine.id(), aSuccessor(other, T0, TTL), T0)).isFalse();
        assertThat(persistence.refreshTokens().find(mine.id()).orElseThrow().isActiveAt(T0)).isTrue();
    }

    @Test
    void givenRotatedFamily_revokeFamily_revokesEveryTokenAndBlocksRotation() {
        StoredRefreshToken first = aFirstToken(aUserId(), T0, TTL);
        persistence.refreshTokens().saveNewFamily(first);
        StoredRefreshToken second = aSuccessor(first, T0.plusSeconds(60), TTL);
        persistence.refreshTokens().rotate(first.id(), second, T0.plusSeconds(60));
        Instant now = T0.plusSeconds(120);

        // the rotated token was revoked by its rotation: only the successor is newly revoked
        assertThat(persistence.refreshTokens().revokeFamily(first.family(), now)).isEqualTo(1);
        assertThat(persistence.refreshTokens().revokeFamily(first.family(), now.plusSeconds(1))).isZero();

        assertThat(persistence.refreshTokens().find(first.id()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(persistence.refreshTokens().find(second.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(persistence.refreshTokens().rotate(second.id(), aSuccessor(second, now, TTL), now)).isFalse();
    }

    @Test
    void givenThreeFamilies_revokeFamiliesOfUser_keepsOnlyTheKeptOne() {
        UserId user = aUserId();
        StoredRefreshToken kept = aFirstToken(user, T0, TTL);
        StoredRefreshToken a = aFirstToken(user, T0, TTL);
        StoredRefreshToken b = aFirstToken(user, T0, TTL);
        StoredRefreshToken otherUsers = aFirstToken(aUserId(), T0, TTL);
        for (StoredRefreshToken token : new StoredRefreshToken[] {kept, a, b, otherUsers}) {
            persistence.refreshTokens().saveNewFamily(token);
        }
        Instant now = T0.plusSeconds(10);

        assertThat(persistence.refreshTokens().revokeFamiliesOfUser(user, kept.family(), now))
                .containsExactlyInAnyOrder(a.family(), b.family());

        assertThat(persistence.refreshTokens().find(kept.id()).orElseThrow().isActiveAt(now)).isTrue();
        assertThat(persistence.refreshTokens().find(a.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(persistence.refreshTokens().find(b.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(persistence.refreshTokens().find(otherUsers.id()).orElseThrow().isActiveAt(now)).isTrue();
        assertThat(persistence.refreshTokens().rotate(a.id(), aSuccessor(a, now, TTL), now)).isFalse();

        assertThat(persistence.refreshTokens().revokeFamiliesOfUser(user, null, now)).containsExactly(kept.family());
        assertThat(persistence.refreshTokens().find(kept.id()).orElseThrow().revokedAt()).isEqualTo(now);
    }

    @Test
    void givenExpiredAndLiveTokens_purgeExpired_deletesOnlyTheExpired() {
        // times far in the past: a purge on a shared database must not touch other runs' live rows
        Instant base = Instant.parse("1991-01-01T00:00:00Z").plus(randomMinutes(), ChronoUnit.MINUTES);
        StoredRefreshToken expired = aFirstToken(aUserId(), base, Duration.ofHours(1));
        StoredRefreshToken expiredSuccessor = aSuccessor(expired, base.plusSeconds(60), Duration.ofHours(1));
        StoredRefreshToken live = aFirstToken(aUserId(), base, Duration.ofDays(3));
        persistence.refreshTokens().saveNewFamily(expired);
        persistence.refreshTokens().rotate(expired.id(), expiredSuccessor, base.plusSeconds(60));
        persistence.refreshTokens().saveNewFamily(live);

        int purged = persistence.refreshTokens().purgeExpired(base.plus(Duration.ofDays(1)));

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(persistence.refreshTokens().find(expired.id())).isEmpty();
        assertThat(persistence.refreshTokens().find(expiredSuccessor.id())).isEmpty();
        assertThat(persistence.refreshTokens().find(live.id())).isPresent();
        // the emptied family is gone too: its id can start a family again
        persistence.refreshTokens().saveNewFamily(new StoredRefreshToken(TokenId.random(), expired.family(), expired.userId(),
                base, base.plus(Duration.ofDays(3)), base, null, null, null));
    }

    @Test
    void givenDeniedToken_isDenied_trueUntilPurgedAfterExpiry() {
        TokenId id = TokenId.random();
        TokenId other = TokenId.random();
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        persistence.accessTokenDenylist().deny(id, expiresAt);
        persistence.accessTokenDenylist().deny(id, expiresAt);

        assertThat(persistence.accessTokenDenylist().isDenied(id)).isTrue();
        assertThat(persistence.accessTokenDenylist().isDenied(other)).isFalse();
        assertThat(persistence.accessTokenDenylist().purgeExpired(Instant.now())).isGreaterThanOrEqualTo(0);
        assertThat(persistence.accessTokenDenylist().isDenied(id)).isTrue();
    }

    @Test
    void givenDeniedTokenPastExpiry_purgeExpired_forgetsIt() {
        Instant base = Instant.parse("1992-01-01T00:00:00Z").plus(randomMinutes(), ChronoUnit.MINUTES);
        try (JdbcAccessTokenDenylist denylist = new JdbcAccessTokenDenylist(persistence.dataSource(), Clock.fixed(base, java.time.ZoneOffset.UTC))) {
            denylist.start();
            TokenId id = TokenId.random();
            denylist.deny(id, base.plusSeconds(60));
            assertThat(denylist.isDenied(id)).isTrue();

            assertThat(denylist.purgeExpired(base.plusSeconds(61))).isGreaterThanOrEqualTo(1);

            assertThat(denylist.isDenied(id)).isFalse();
        }
    }

    @Test
    void givenDatabase_storageHealth_isAvailable() {
        assertThat(persistence.storageHealth().isAvailable()).isTrue();
    }

    @Test
    void givenMigratedSchema_migrateAgain_runsNothing() {
        assertThat(SchemaMigration.migrate(settings())).isZero();
    }

    static long randomMinutes() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(0, 365L * 24 * 60);
    }

    static FamilyId unused() {
        return FamilyId.random();
    }
}
