package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.START;
import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.testfixtures.contract.Racing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokensServiceTest {

    private final TestBed bed = new TestBed();

    private RefreshResult refresh(String token) {
        return bed.refresh.refresh(new RefreshCommand(token));
    }

    private StoredRefreshToken stored(String token) {
        return bed.refreshTokens.find(bed.codec.decodeAny(token).id()).orElseThrow();
    }

    private StoredRefreshToken stored(TokenId id) {
        return bed.refreshTokens.find(id).orElseThrow();
    }

    @Test
    void givenActiveToken_refresh_rotatesIntoTheSameFamily() {
        LoginResult login = bed.logIn();
        String presented = login.tokens().refresh().value();
        bed.clock.advance(Duration.ofHours(1));
        Instant now = bed.clock.instant();

        RefreshResult result = refresh(presented);

        assertThat(result.user()).isEqualTo(login.user());
        TokenClaims next = bed.codec.decode(result.tokens().refresh().value(), TokenType.REFRESH);
        assertThat(next.family()).isEqualTo(login.tokens().refresh().claims().family());
        assertThat(next.id()).isNotEqualTo(login.tokens().refresh().claims().id());
        assertThat(next.issuedAt()).isEqualTo(now);
        assertThat(next.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        TokenClaims access = bed.codec.decode(result.tokens().access().value(), TokenType.ACCESS);
        assertThat(access.issuedAt()).isEqualTo(now);
        assertThat(access.expiresAt()).isEqualTo(now.plus(Duration.ofHours(5)));
        assertThat(access.subject()).isEqualTo(login.user().id());

        StoredRefreshToken old = stored(presented);
        assertThat(old.replacedBy()).isEqualTo(next.id());
        assertThat(old.rotatedAt()).isEqualTo(now);
        StoredRefreshToken successor = stored(next.id());
        assertThat(successor.familyStartedAt()).isEqualTo(START);
        assertThat(successor.isActiveAt(now)).isTrue();
    }

    @Test
    void givenRotatedChain_refreshTheLatest_keepsRotating() {
        String token = bed.logIn().tokens().refresh().value();
        for (int i = 0; i < 5; i++) {
            bed.clock.advance(Duration.ofMinutes(30));
            token = refresh(token).tokens().refresh().value();
        }
        assertThat(stored(token).isActiveAt(bed.clock.instant())).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void givenNoToken_refresh_failsMissing(String token) {
        assertFails(() -> refresh(token), ErrorCode.TOKEN_MISSING);
    }

    @Test
    void givenGarbageOrAccessToken_refresh_failsNotValid() {
        LoginResult login = bed.logIn();

        assertFails(() -> refresh("garbage"), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> refresh(login.tokens().access().value()), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredToken_refresh_failsExpired() {
        String token = bed.logIn().tokens().refresh().value();
        bed.clock.advance(Duration.ofDays(7));

        assertFails(() -> refresh(token), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenValidlyEncodedButNeverStoredToken_refresh_failsNotValid() {
        User user = bed.logIn().user();
        TokenClaims neverStored = TokenClaims.refresh(TokenId.random(), user.id(), user.username(), START,
                START.plus(Duration.ofDays(1)), FamilyId.random());

        assertFails(() -> refresh(bed.codec.encode(neverStored)), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenStoredTokenClaimedForAnotherUser_refresh_failsNotValidAndRotatesNothing() {
        LoginResult victim = bed.logIn();
        User attacker = bed.logIn().user();
        TokenClaims real = victim.tokens().refresh().claims();
        TokenClaims swapped = TokenClaims.refresh(real.id(), attacker.id(), attacker.username(), real.issuedAt(),
                real.expiresAt(), real.family());

        assertFails(() -> refresh(bed.codec.encode(swapped)), ErrorCode.TOKEN_NOT_VALID);
        assertThat(stored(real.id()).isActiveAt(bed.clock.instant())).isTrue();
    }

    @Test
    void givenDisabledUser_refresh_failsNotValid() {
        LoginResult login = bed.logIn();
        bed.users.disable(login.user().id());

        assertFails(() -> refresh(login.tokens().refresh().value()), ErrorCode.TOKEN_NOT_VALID);
        assertThat(stored(login.tokens().refresh().value()).isRotated()).isFalse();
    }

    @Test
    void givenDeletedUser_refresh_failsNotValid() {
        LoginResult login = bed.logIn();
        bed.users.delete(login.user().id());

        assertFails(() -> refresh(login.tokens().refresh().value()), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRotatedTokenWithinGrace_refresh_answersTheSameSuccessorAndAFreshAccessToken() {
        String presented = bed.logIn().tokens().refresh().value();
        RefreshResult first = refresh(presented);
        bed.clock.advance(Duration.ofSeconds(9));

        RefreshResult again = refresh(presented);

        assertThat(again.tokens().refresh().value()).isEqualTo(first.tokens().refresh().value());
        assertThat(again.tokens().access().value()).isNotEqualTo(first.tokens().access().value());
        assertThat(again.tokens().access().claims().issuedAt()).isEqualTo(START.plusSeconds(9));
        assertThat(stored(first.tokens().refresh().value()).isActiveAt(bed.clock.instant())).isTrue();
    }

    @Test
    void givenRotatedTokenAtTheEndOfTheGrace_refresh_isReuseAndRevokesTheFamily() {
        String presented = bed.logIn().tokens().refresh().value();
        String latest = refresh(presented).tokens().refresh().value();
        bed.clock.advance(Duration.ofSeconds(10));

        assertFails(() -> refresh(presented), ErrorCode.TOKEN_REUSED);

        assertThat(stored(latest).isRevoked()).isTrue();
        assertFails(() -> refresh(latest), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenRotatedTokenLongAfterTheGrace_refresh_isReuseAndTheLatestTokenIsRevoked() {
        LoginResult login = bed.logIn();
        String presented = login.tokens().refresh().value();
        bed.clock.advance(Duration.ofMinutes(10));
        String latest = refresh(presented).tokens().refresh().value();
        bed.clock.advance(Duration.ofHours(1));

        assertFails(() -> refresh(presented), ErrorCode.TOKEN_REUSED);

        assertFails(() -> refresh(latest), ErrorCode.TOKEN_REVOKED);
        assertFails(() -> refresh(presented), ErrorCode.TOKEN_REUSED);
    }

    @Test
    void givenAThiefWhoRotatedFirst_reuseByTheOwner_endsTheThiefsAccessTokenToo() {
        LoginResult owner = bed.logIn();
        RefreshResult thief = refresh(owner.tokens().refresh().value());
        String thiefsAccess = thief.tokens().access().value();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(thiefsAccess, null)).user().id()).isEqualTo(owner.user().id());
        bed.clock.advance(Duration.ofMinutes(5));

        assertFails(() -> refresh(owner.tokens().refresh().value()), ErrorCode.TOKEN_REUSED);

        // the whole session ends: its refresh tokens and every access token it issued, the thief's included
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(thiefsAccess, null)), ErrorCode.TOKEN_REVOKED);
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(owner.tokens().access().value(), null)),
                ErrorCode.TOKEN_REVOKED);
        LoginResult otherSession = bed.logIn();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(otherSession.tokens().access().value(), null)).user())
                .isEqualTo(otherSession.user());
    }

    @Test
    void issuedAccessTokens_nameTheirSession() {
        LoginResult login = bed.logIn();
        FamilyId session = login.tokens().refresh().claims().family();
        assertThat(login.tokens().access().claims().family()).isEqualTo(session);
        assertThat(refresh(login.tokens().refresh().value()).tokens().access().claims().family()).isEqualTo(session);
    }

    @Test
    void givenOlderTokenWithinGrace_refresh_isReuse() {
        String oldest = bed.logIn().tokens().refresh().value();
        String middle = refresh(oldest).tokens().refresh().value();
        String latest = refresh(middle).tokens().refresh().value();

        assertFails(() -> refresh(oldest), ErrorCode.TOKEN_REUSED);

        assertThat(stored(latest).isRevoked()).isTrue();
    }

    @Test
    void givenGraceZero_refreshAgainAtOnce_isReuse() {
        TestBed strict = TestBed.withGrace(Duration.ZERO);
        String presented = strict.logIn().tokens().refresh().value();
        String latest = strict.refresh.refresh(new RefreshCommand(presented)).tokens().refresh().value();

        assertFails(() -> strict.refresh.refresh(new RefreshCommand(presented)), ErrorCode.TOKEN_REUSED);
        assertFails(() -> strict.refresh.refresh(new RefreshCommand(latest)), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenSuccessorRevokedByLogoutWithinGrace_refreshThePredecessor_failsRevoked() {
        String presented = bed.logIn().tokens().refresh().value();
        String latest = refresh(presented).tokens().refresh().value();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, null, latest));
        bed.clock.advance(Duration.ofSeconds(2));

        assertFails(() -> refresh(presented), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenLoggedOutToken_refresh_failsRevoked() {
        String token = bed.logIn().tokens().refresh().value();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, null, token));

        assertFails(() -> refresh(token), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenRotationsOverWeeks_refresh_neverOutlivesTheSessionCap() {
        Instant familyEnd = START.plus(Duration.ofDays(30));
        String token = bed.logIn().tokens().refresh().value();
        int rotations = 0;
        while (true) {
            bed.clock.advance(Duration.ofDays(6));
            if (!bed.clock.instant().isBefore(familyEnd)) {
                break;
            }
            TokenClaims next = refresh(token).tokens().refresh().claims();
            assertThat(next.expiresAt()).isBeforeOrEqualTo(familyEnd);
            token = bed.codec.encode(next);
            rotations++;
        }
        assertThat(rotations).isEqualTo(4);
        bed.clock.set(familyEnd.minusSeconds(1));
        assertThat(stored(token).expiresAt()).isEqualTo(familyEnd);
        TokenClaims lastSecond = refresh(token).tokens().refresh().claims();
        assertThat(lastSecond.expiresAt()).isEqualTo(familyEnd);
        bed.clock.set(familyEnd);
        String after = bed.codec.encode(lastSecond);
        assertFails(() -> refresh(after), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenFamilyOlderThanAShortenedSessionCap_refresh_failsExpired() {
        // a token issued under a longer session lifetime, presented after the operator shortened it
        TestBed shortened = new TestBed(new TokenPolicy(Duration.ofHours(5), Duration.ofDays(7), Duration.ofSeconds(10),
                Duration.ofDays(1)));
        User user = shortened.logIn().user();
        Instant familyStart = START.minus(Duration.ofDays(2));
        StoredRefreshToken old = new StoredRefreshToken(TokenId.random(), FamilyId.random(), user.id(), START.minusSeconds(60),
                START.plus(Duration.ofDays(6)), familyStart, null, null, null);
        shortened.refreshTokens.saveNewFamily(old);

        assertFails(() -> shortened.refresh.refresh(new RefreshCommand(shortened.codec.encode(old.claims(user.username())))),
                ErrorCode.TOKEN_EXPIRED);
        assertThat(shortened.refreshTokens.find(old.id()).orElseThrow().isRotated()).isFalse();
    }

    @Test
    void givenStorageDown_refresh_failsStorageUnavailable() {
        String token = bed.logIn().tokens().refresh().value();
        bed.outage.begin();

        assertFails(() -> refresh(token), ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void givenFiftyThreadsRefreshingOneToken_refresh_rotatesOnceAndAllGetTheSameSuccessor() {
        LoginResult login = bed.logIn();
        String presented = login.tokens().refresh().value();
        int storedBefore = bed.refreshTokens.size();

        List<Racing.Outcome<RefreshResult>> outcomes = Racing.race(50, i -> () -> refresh(presented));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(bed.refreshTokens.size()).as("exactly one successor stored").isEqualTo(storedBefore + 1);
        assertThat(outcomes.stream().map(o -> o.value().tokens().refresh().value()).distinct().count()).isEqualTo(1);
        assertThat(outcomes.stream().map(o -> o.value().tokens().access().value()).distinct().count()).isEqualTo(50);
        String successor = outcomes.get(0).value().tokens().refresh().value();
        assertThat(stored(presented).replacedBy()).isEqualTo(bed.codec.decodeAny(successor).id());
        assertThat(stored(successor).isActiveAt(bed.clock.instant())).isTrue();
    }

    @Test
    void givenFiftyThreadsRefreshingOneTokenWithGraceZero_refresh_oneWinsAndTheRestRevokeTheFamily() {
        TestBed strict = TestBed.withGrace(Duration.ZERO);
        String presented = strict.logIn().tokens().refresh().value();

        List<Racing.Outcome<RefreshResult>> outcomes =
                Racing.race(50, i -> () -> strict.refresh.refresh(new RefreshCommand(presented)));

        List<RefreshResult> winners = outcomes.stream().filter(Racing.Outcome::succeeded).map(Racing.Outcome::value).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .hasSize(49)
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_REUSED)));
        StoredRefreshToken successor = strict.refreshTokens.find(winners.get(0).tokens().refresh().claims().id()).orElseThrow();
        assertThat(successor.isRevoked()).as("the family is revoked").isTrue();
    }

    @Test
    void givenRefreshesRacingALogout_refresh_neverLeavesAnActiveSessionBehind() {
        for (int round = 0; round < 50; round++) {
            String presented = bed.logIn().tokens().refresh().value();

            List<Racing.Outcome<Object>> outcomes = Racing.race(8, i -> i == 0
                    ? () -> { bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, null, presented)); return null; }
                    : () -> refresh(presented));

            assertThat(outcomes.get(0).succeeded()).isTrue();
            for (Racing.Outcome<Object> outcome : outcomes.subList(1, outcomes.size())) {
                if (outcome.succeeded()) {
                    String issued = ((RefreshResult) outcome.value()).tokens().refresh().value();
                    // logout revoked the family after this rotation: the successor is dead too
                    assertThat(stored(issued).isActiveAt(bed.clock.instant())).as("round %d", round).isFalse();
                } else {
                    assertThat(((DomainException) outcome.failure()).code()).isEqualTo(ErrorCode.TOKEN_REVOKED);
                }
            }
        }
    }
}
