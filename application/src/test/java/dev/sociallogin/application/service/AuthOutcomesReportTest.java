package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every login and refresh reports exactly one outcome, the one operators count; nothing else reports. */
class AuthOutcomesReportTest {

    private final TestBed bed = new TestBed();

    private String refreshToken() {
        String token = bed.logIn().tokens().refresh().value();
        bed.outcomes.clear();
        return token;
    }

    @Test
    void givenNewThenKnownUser_login_reportsRegisterThenLogin() {
        var profile = TestProfiles.aKakaoProfile();

        bed.logIn(profile);
        bed.logIn(profile);

        assertThat(bed.outcomes.reports()).containsExactly("login kakao register", "login kakao login");
    }

    @Test
    void givenProviderRefusingOrFailing_login_reportsTheErrorCode() {
        bed.kakao.failWith(ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> bed.logIn(), ErrorCode.PROVIDER_REJECTED);
        bed.kakao.failWith(ErrorCode.PROVIDER_UNAVAILABLE);
        assertFails(() -> bed.logIn(), ErrorCode.PROVIDER_UNAVAILABLE);

        assertThat(bed.outcomes.reports()).containsExactly("login kakao PROVIDER_REJECTED", "login kakao PROVIDER_UNAVAILABLE");
    }

    @Test
    void givenUnknownProvider_login_reportsNothing() {
        // the name is the caller's: reporting it would let anyone grow a metric's label set
        LogInCommand command = new LogInCommand(new ProviderName("nosuch"), new ProviderCredential.AuthorizationCode("c", null));

        assertFails(() -> bed.login.logIn(command), ErrorCode.UNKNOWN_PROVIDER);

        assertThat(bed.outcomes.reports()).isEmpty();
    }

    @Test
    void givenRotationThenGraceThenReuse_refresh_reportsEachOutcomeOnce() {
        String token = refreshToken();

        bed.refresh.refresh(new RefreshCommand(token));
        bed.refresh.refresh(new RefreshCommand(token));
        bed.clock.advance(Duration.ofSeconds(11));
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(token)), ErrorCode.TOKEN_REUSED);

        assertThat(bed.outcomes.reports()).containsExactly("refresh ROTATED", "refresh GRACE", "refresh REUSED");
    }

    @Test
    void givenRefusedTokens_refresh_reportsExpiredRevokedAndInvalid() {
        String loggedOut = refreshToken();
        String old = refreshToken();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, null, loggedOut));
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(loggedOut)), ErrorCode.TOKEN_REVOKED);
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(null)), ErrorCode.TOKEN_MISSING);
        assertFails(() -> bed.refresh.refresh(new RefreshCommand("garbage")), ErrorCode.TOKEN_NOT_VALID);
        bed.clock.advance(Duration.ofDays(8));
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(old)), ErrorCode.TOKEN_EXPIRED);

        assertThat(bed.outcomes.reports()).containsExactly("refresh REVOKED", "refresh INVALID", "refresh INVALID", "refresh EXPIRED");
    }

    @Test
    void givenStorageDown_refresh_reportsNothing() {
        String token = refreshToken();
        bed.outage.begin();

        assertFails(() -> bed.refresh.refresh(new RefreshCommand(token)), ErrorCode.STORAGE_UNAVAILABLE);

        assertThat(bed.outcomes.reports()).isEmpty();
    }

    @Test
    void givenExpiredAccessCookieAndRefreshCookie_silentRefreshOfCurrentUser_isReportedLikeAnyRefresh() {
        LoginResult login = bed.logIn();
        bed.outcomes.clear();
        bed.clock.advance(Duration.ofHours(6));

        bed.currentUser.currentUser(new CurrentUserQuery(login.tokens().access().value(), login.tokens().refresh().value()));
        bed.clock.advance(Duration.ofSeconds(30));
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(null, login.tokens().refresh().value())),
                ErrorCode.TOKEN_REUSED);

        assertThat(bed.outcomes.reports()).containsExactly("refresh ROTATED", "refresh REUSED");
    }
}
