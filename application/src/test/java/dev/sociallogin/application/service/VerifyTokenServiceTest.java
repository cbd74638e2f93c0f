package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.START;
import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyTokenServiceTest {

    private final TestBed bed = new TestBed();

    private TokenClaims verify(String token) {
        return bed.verify.verify(new VerifyTokenCommand(token));
    }

    @Test
    void givenValidTokens_verify_returnsTheirClaims() {
        LoginResult session = bed.logIn();

        assertThat(verify(session.tokens().access().value())).isEqualTo(session.tokens().access().claims());
        assertThat(verify(session.tokens().refresh().value())).isEqualTo(session.tokens().refresh().claims());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void givenNoToken_verify_failsMissing(String token) {
        assertFails(() -> verify(token), ErrorCode.TOKEN_MISSING);
    }

    @Test
    void givenGarbageOrExpired_verify_failsWithTheCodecsError() {
        LoginResult session = bed.logIn();

        assertFails(() -> verify("garbage"), ErrorCode.TOKEN_NOT_VALID);
        bed.clock.advance(Duration.ofHours(5));
        assertFails(() -> verify(session.tokens().access().value()), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenDeniedAccessToken_verify_failsRevoked() {
        LoginResult session = bed.logIn();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, session.tokens().access().value(), null));

        assertFails(() -> verify(session.tokens().access().value()), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenRotatedRefreshToken_verify_failsRevokedWithoutCountingAsReuse() {
        LoginResult session = bed.logIn();
        String successor = bed.refresh.refresh(new RefreshCommand(session.tokens().refresh().value())).tokens().refresh().value();
        bed.clock.advance(Duration.ofMinutes(5));

        assertFails(() -> verify(session.tokens().refresh().value()), ErrorCode.TOKEN_REVOKED);
        assertThat(verify(successor).id()).as("the family is not revoked").isNotNull();
    }

    @Test
    void givenLoggedOutRefreshToken_verify_failsRevoked() {
        LoginResult session = bed.logIn();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, null, session.tokens().refresh().value()));

        assertFails(() -> verify(session.tokens().refresh().value()), ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenUnknownRefreshToken_verify_failsNotValid() {
        User user = bed.logIn().user();
        TokenClaims neverStored = TokenClaims.refresh(TokenId.random(), user.id(), user.username(), START,
                START.plusSeconds(60), FamilyId.random());

        assertFails(() -> verify(bed.codec.encode(neverStored)), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRefreshTokenPastItsSessionCap_verify_failsExpired() {
        TestBed shortened = new TestBed(new TokenPolicy(Duration.ofHours(5), Duration.ofDays(7), Duration.ofSeconds(10),
                Duration.ofDays(1)));
        User user = shortened.logIn().user();
        StoredRefreshToken old = new StoredRefreshToken(TokenId.random(), FamilyId.random(), user.id(), START.minusSeconds(60),
                START.plus(Duration.ofDays(6)), START.minus(Duration.ofDays(2)), null, null, null);
        shortened.refreshTokens.saveNewFamily(old);

        assertFails(() -> shortened.verify.verify(new VerifyTokenCommand(shortened.codec.encode(old.claims(user.username())))),
                ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenDisabledUser_verify_failsNotValidForBothTypes() {
        LoginResult session = bed.logIn();
        bed.users.disable(session.user().id());

        assertFails(() -> verify(session.tokens().access().value()), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> verify(session.tokens().refresh().value()), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenDeletedUser_verify_failsNotValid() {
        LoginResult session = bed.logIn();
        bed.users.delete(session.user().id());

        assertFails(() -> verify(session.tokens().access().value()), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenStorageDown_verify_failsStorageUnavailable() {
        LoginResult session = bed.logIn();
        bed.outage.begin();

        assertFails(() -> verify(session.tokens().access().value()), ErrorCode.STORAGE_UNAVAILABLE);
        assertFails(() -> verify(session.tokens().refresh().value()), ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void givenTokensNamingAnotherUsernameForTheirUserId_everyCheck_refusesThem() {
        // a token must never answer for another account, even if its user id were handed out again (issue 9, item 1)
        LoginResult session = bed.logIn();
        TokenClaims access = session.tokens().access().claims();
        TokenClaims refresh = session.tokens().refresh().claims();
        dev.sociallogin.domain.model.Username someoneElse = new dev.sociallogin.domain.model.Username("kakao_999999");
        String forgedAccess = bed.codec.encode(new TokenClaims(access.type(), TokenId.random(), access.subject(), someoneElse,
                access.issuedAt(), access.expiresAt(), access.family()));
        String forgedRefresh = bed.codec.encode(new TokenClaims(refresh.type(), refresh.id(), refresh.subject(), someoneElse,
                refresh.issuedAt(), refresh.expiresAt(), refresh.family()));

        assertFails(() -> verify(forgedAccess), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> verify(forgedRefresh), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> bed.currentUser.currentUser(new dev.sociallogin.application.port.in.CurrentUserQuery(forgedAccess, null)),
                ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(forgedRefresh)), ErrorCode.TOKEN_NOT_VALID);
        assertThat(bed.refreshTokens.find(refresh.id()).orElseThrow().isRotated()).as("nothing rotated").isFalse();
        // the genuine tokens still work
        assertThat(verify(session.tokens().access().value()).username()).isEqualTo(session.user().username());
    }
}
