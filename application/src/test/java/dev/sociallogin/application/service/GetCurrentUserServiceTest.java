package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GetCurrentUserServiceTest {

    private final TestBed bed = new TestBed();

    private CurrentUser current(String access, String refresh) {
        return bed.currentUser.currentUser(new CurrentUserQuery(access, refresh));
    }

    private StoredRefreshToken stored(LoginResult session) {
        return bed.refreshTokens.find(session.tokens().refresh().claims().id()).orElseThrow();
    }

    @Test
    void givenValidAccessToken_currentUser_answersTheUserWithoutRefreshing() {
        LoginResult session = bed.logIn();

        CurrentUser result = current(session.tokens().access().value(), session.tokens().refresh().value());

        assertThat(result.user()).isEqualTo(session.user());
        assertThat(result.refreshed()).isNull();
        assertThat(stored(session).isRotated()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void givenNoAccessTokenButARefreshToken_currentUser_rotatesSilently(String access) {
        // a browser drops the access cookie exactly when its token expires: the lone refresh cookie is the expired case
        LoginResult session = bed.logIn();

        CurrentUser result = current(access, session.tokens().refresh().value());

        assertThat(result.user().id()).isEqualTo(session.user().id());
        assertThat(result.refreshed()).isNotNull();
        assertThat(stored(session).replacedBy()).isEqualTo(result.refreshed().refresh().claims().id());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void givenNoTokenAtAll_currentUser_failsMissing(String token) {
        assertFails(() -> current(token, token), ErrorCode.TOKEN_MISSING);
    }

    @Test
    void givenLoneRefreshTokenThatIsBad_currentUser_failsWithTheRefreshError() {
        assertFails(() -> current(null, "garbage"), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredAccessAndValidRefresh_currentUser_rotatesSilently() {
        LoginResult session = bed.logIn();
        bed.clock.advance(Duration.ofHours(5));

        CurrentUser result = current(session.tokens().access().value(), session.tokens().refresh().value());

        assertThat(result.user().id()).isEqualTo(session.user().id());
        assertThat(result.refreshed()).isNotNull();
        assertThat(bed.codec.decode(result.refreshed().access().value(), TokenType.ACCESS).issuedAt())
                .isEqualTo(bed.clock.instant());
        assertThat(stored(session).replacedBy()).isEqualTo(result.refreshed().refresh().claims().id());
    }

    @Test
    void givenExpiredAccessWithoutRefresh_currentUser_failsExpired() {
        LoginResult session = bed.logIn();
        bed.clock.advance(Duration.ofHours(5));

        assertFails(() -> current(session.tokens().access().value(), null), ErrorCode.TOKEN_EXPIRED);
        assertFails(() -> current(session.tokens().access().value(), " "), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenForgedOrWrongTypeAccessToken_currentUser_neverRefreshesOverIt() {
        LoginResult session = bed.logIn();
        String forged = session.tokens().access().value() + "x";

        assertFails(() -> current(forged, session.tokens().refresh().value()), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> current(session.tokens().refresh().value(), session.tokens().refresh().value()),
                ErrorCode.TOKEN_NOT_VALID);
        assertThat(stored(session).isRotated()).isFalse();
    }

    @Test
    void givenExpiredRefreshTokenInPlaceOfTheAccessToken_currentUser_isNotValidAndDoesNotRefresh() {
        LoginResult old = bed.logIn();
        bed.clock.advance(Duration.ofDays(7));
        LoginResult session = bed.logIn();

        assertFails(() -> current(old.tokens().refresh().value(), session.tokens().refresh().value()),
                ErrorCode.TOKEN_NOT_VALID);
        assertThat(stored(session).isRotated()).isFalse();
    }

    @Test
    void givenExpiredAccessAndReusedRefresh_currentUser_failsWithTheRefreshError() {
        LoginResult session = bed.logIn();
        bed.refresh.refresh(new RefreshCommand(session.tokens().refresh().value()));
        bed.clock.advance(Duration.ofHours(5));

        assertFails(() -> current(session.tokens().access().value(), session.tokens().refresh().value()),
                ErrorCode.TOKEN_REUSED);
    }

    @Test
    void givenDeniedAccessToken_currentUser_failsRevoked() {
        LoginResult session = bed.logIn();
        bed.denylist.deny(session.tokens().access().claims().id(), session.tokens().access().claims().expiresAt());

        assertFails(() -> current(session.tokens().access().value(), session.tokens().refresh().value()),
                ErrorCode.TOKEN_REVOKED);
        assertThat(stored(session).isRotated()).isFalse();
    }

    @Test
    void givenDisabledOrDeletedUser_currentUser_failsNotValid() {
        LoginResult disabled = bed.logIn();
        LoginResult deleted = bed.logIn();
        bed.users.disable(disabled.user().id());
        bed.users.delete(deleted.user().id());

        assertFails(() -> current(disabled.tokens().access().value(), null), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> current(deleted.tokens().access().value(), null), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredAccessOfDisabledUser_currentUser_cannotRefresh() {
        LoginResult session = bed.logIn();
        bed.users.disable(session.user().id());
        bed.clock.advance(Duration.ofHours(6));

        assertFails(() -> current(session.tokens().access().value(), session.tokens().refresh().value()),
                ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenStorageDown_currentUser_failsStorageUnavailable() {
        LoginResult session = bed.logIn();
        bed.outage.begin();

        assertFails(() -> current(session.tokens().access().value(), null), ErrorCode.STORAGE_UNAVAILABLE);
    }
}
