package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogoutServiceTest {

    private final TestBed bed = new TestBed();

    private void logout(LogoutScope scope, String access, String refresh) {
        bed.logout.logout(new LogoutCommand(scope, access, refresh));
    }

    private boolean isActive(LoginResult session) {
        StoredRefreshToken stored = bed.refreshTokens.find(session.tokens().refresh().claims().id()).orElseThrow();
        return stored.isActiveAt(bed.clock.instant());
    }

    private boolean isDenied(LoginResult session) {
        return bed.denylist.isDenied(session.tokens().access().claims().id());
    }

    // --- LOCAL ---

    @Test
    void givenBothTokens_logoutLocal_revokesTheFamilyAndDeniesTheAccessToken() {
        LoginResult session = bed.logIn();
        String refreshed = bed.refresh.refresh(new RefreshCommand(session.tokens().refresh().value())).tokens().refresh().value();

        logout(LogoutScope.LOCAL, session.tokens().access().value(), session.tokens().refresh().value());

        assertThat(isDenied(session)).isTrue();
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(refreshed)), ErrorCode.TOKEN_REVOKED);
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(session.tokens().access().value(), null)),
                ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenOtherSessions_logoutLocal_leavesThemAlone() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult phone = bed.logIn(profile);
        LoginResult laptop = bed.logIn(profile);

        logout(LogoutScope.LOCAL, phone.tokens().access().value(), phone.tokens().refresh().value());

        assertThat(isActive(phone)).isFalse();
        assertThat(isActive(laptop)).isTrue();
        assertThat(isDenied(laptop)).isFalse();
    }

    @Test
    void givenNoOrBadTokens_logoutLocal_succeedsAndRevokesNothing() {
        LoginResult session = bed.logIn();
        String forged = session.tokens().refresh().value() + "x";

        assertThatCode(() -> logout(LogoutScope.LOCAL, null, null)).doesNotThrowAnyException();
        assertThatCode(() -> logout(LogoutScope.LOCAL, "", " ")).doesNotThrowAnyException();
        assertThatCode(() -> logout(LogoutScope.LOCAL, "garbage", forged)).doesNotThrowAnyException();
        assertThatCode(() -> logout(LogoutScope.LOCAL, session.tokens().refresh().value(), session.tokens().access().value()))
                .as("each token in the other's place").doesNotThrowAnyException();

        assertThat(isActive(session)).isTrue();
        assertThat(isDenied(session)).isFalse();
    }

    @Test
    void givenExpiredTokens_logoutLocal_succeeds() {
        LoginResult session = bed.logIn();
        bed.clock.advance(Duration.ofDays(8));

        assertThatCode(() -> logout(LogoutScope.LOCAL, session.tokens().access().value(), session.tokens().refresh().value()))
                .doesNotThrowAnyException();
    }

    @Test
    void givenLoggedOutSession_logoutLocalAgain_isIdempotent() {
        LoginResult session = bed.logIn();
        logout(LogoutScope.LOCAL, session.tokens().access().value(), session.tokens().refresh().value());

        assertThatCode(() -> logout(LogoutScope.LOCAL, session.tokens().access().value(), session.tokens().refresh().value()))
                .doesNotThrowAnyException();
        assertThat(isDenied(session)).isTrue();
    }

    @Test
    void givenStorageDown_logoutLocalWithATokens_failsStorageUnavailable() {
        LoginResult session = bed.logIn();
        bed.outage.begin();

        assertFails(() -> logout(LogoutScope.LOCAL, null, session.tokens().refresh().value()), ErrorCode.STORAGE_UNAVAILABLE);
        assertFails(() -> logout(LogoutScope.LOCAL, session.tokens().access().value(), null), ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void givenAnOlderAccessTokenOfTheSession_logoutLocal_endsItToo() {
        LoginResult session = bed.logIn();
        RefreshResult refreshed = bed.refresh.refresh(new RefreshCommand(session.tokens().refresh().value()));

        logout(LogoutScope.LOCAL, refreshed.tokens().access().value(), refreshed.tokens().refresh().value());

        // the first access token of the session was never presented at logout, and still ends
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(session.tokens().access().value(), null)),
                ErrorCode.TOKEN_REVOKED);
    }

    @Test
    void givenOnlyAnAccessToken_logoutLocal_endsItsWholeSession() {
        LoginResult session = bed.logIn();

        logout(LogoutScope.LOCAL, session.tokens().access().value(), null);

        assertThat(isActive(session)).as("the refresh token of the session it names").isFalse();
        assertFails(() -> bed.refresh.refresh(new RefreshCommand(session.tokens().refresh().value())), ErrorCode.TOKEN_REVOKED);
    }

    // --- OTHERS ---

    @Test
    void givenThreeSessions_logoutOthers_keepsOnlyThisOne() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult first = bed.logIn(profile);
        LoginResult here = bed.logIn(profile);
        LoginResult third = bed.logIn(profile);
        LoginResult someoneElse = bed.logIn();

        logout(LogoutScope.OTHERS, here.tokens().access().value(), here.tokens().refresh().value());

        assertThat(isActive(first)).isFalse();
        assertThat(isActive(third)).isFalse();
        assertThat(isActive(here)).isTrue();
        assertThat(isActive(someoneElse)).isTrue();
        assertThat(isDenied(here)).as("this session's access token stays usable").isFalse();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(here.tokens().access().value(), null)).user().id())
                .isEqualTo(here.user().id());
        // the other devices' access tokens end with their sessions, at once
        for (LoginResult ended : List.of(first, third)) {
            assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(ended.tokens().access().value(), null)),
                    ErrorCode.TOKEN_REVOKED);
        }
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(someoneElse.tokens().access().value(), null)).user())
                .isEqualTo(someoneElse.user());
        assertThat(bed.refresh.refresh(new RefreshCommand(here.tokens().refresh().value())).user().id())
                .isEqualTo(here.user().id());
    }

    @Test
    void givenOnlyAnAccessToken_logoutOthers_keepsTheSessionItNames() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult other = bed.logIn(profile);
        LoginResult here = bed.logIn(profile);

        logout(LogoutScope.OTHERS, here.tokens().access().value(), null);

        assertThat(isActive(other)).isFalse();
        assertThat(isActive(here)).isTrue();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(here.tokens().access().value(), null)).user().id())
                .isEqualTo(here.user().id());
    }

    @Test
    void givenNoToken_logoutOthers_failsMissing() {
        assertFails(() -> logout(LogoutScope.OTHERS, null, null), ErrorCode.TOKEN_MISSING);
        assertFails(() -> logout(LogoutScope.OTHERS, null, " "), ErrorCode.TOKEN_MISSING);
    }

    @Test
    void givenMalformedAccessTokenOnly_logoutOthers_failsNotValid_notMissing() {
        LoginResult session = bed.logIn();

        assertFails(() -> logout(LogoutScope.OTHERS, "garbage", null), ErrorCode.TOKEN_NOT_VALID);
        assertThat(isActive(session)).isTrue();
    }

    @Test
    void givenBadRefreshToken_logoutOthers_failsWithItsError() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult other = bed.logIn(profile);
        LoginResult session = bed.logIn(profile);
        String rotatedAway = session.tokens().refresh().value();
        bed.refresh.refresh(new RefreshCommand(rotatedAway));

        assertFails(() -> logout(LogoutScope.OTHERS, null, "garbage"), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> logout(LogoutScope.OTHERS, null, session.tokens().access().value()), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> logout(LogoutScope.OTHERS, null, rotatedAway), ErrorCode.TOKEN_REVOKED);
        bed.clock.advance(Duration.ofDays(7));
        assertFails(() -> logout(LogoutScope.OTHERS, null, other.tokens().refresh().value()), ErrorCode.TOKEN_EXPIRED);
        bed.clock.advance(Duration.ofDays(-7));
        assertThat(isActive(other)).as("no failed call revoked anything").isTrue();
    }

    @Test
    void givenDisabledUser_logoutOthers_failsNotValid() {
        LoginResult session = bed.logIn();
        bed.users.disable(session.user().id());

        assertFails(() -> logout(LogoutScope.OTHERS, null, session.tokens().refresh().value()), ErrorCode.TOKEN_NOT_VALID);
    }

    // --- GLOBAL ---

    @Test
    void givenAccessToken_logoutGlobal_revokesEveryFamilyAndDeniesIt() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult first = bed.logIn(profile);
        LoginResult here = bed.logIn(profile);
        LoginResult someoneElse = bed.logIn();

        logout(LogoutScope.GLOBAL, here.tokens().access().value(), null);

        assertThat(isActive(first)).isFalse();
        assertThat(isActive(here)).isFalse();
        assertThat(isDenied(here)).isTrue();
        assertThat(isActive(someoneElse)).isTrue();
    }

    @Test
    void givenOtherDevices_logoutGlobal_revokesTheirAccessTokensToo() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult phone = bed.logIn(profile);
        bed.clock.advance(Duration.ofMinutes(30));
        LoginResult laptop = bed.logIn(profile);
        LoginResult someoneElse = bed.logIn();

        logout(LogoutScope.GLOBAL, laptop.tokens().access().value(), null);

        // the phone's access token was never presented here, yet it stops working at once
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(phone.tokens().access().value(), null)),
                ErrorCode.TOKEN_REVOKED);
        assertFails(() -> bed.verify.verify(new VerifyTokenCommand(phone.tokens().access().value())), ErrorCode.TOKEN_REVOKED);
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(someoneElse.tokens().access().value(), null)).user())
                .isEqualTo(someoneElse.user());
    }

    @Test
    void afterLogoutGlobal_aNewLoginInALaterSecondWorks() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult before = bed.logIn(profile);
        logout(LogoutScope.GLOBAL, before.tokens().access().value(), null);

        bed.clock.advance(Duration.ofSeconds(1));
        LoginResult after = bed.logIn(profile);

        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(after.tokens().access().value(), null)).user().id())
                .isEqualTo(before.user().id());
        String refreshed = bed.refresh.refresh(new RefreshCommand(after.tokens().refresh().value())).tokens().access().value();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(refreshed, null)).user().id()).isEqualTo(before.user().id());
    }

    @Test
    void givenALoginInTheSameSecondAsLogoutGlobal_itsAccessTokenWorks_whileTheSecondsEarlierTokensAreRefused() {
        // token times are whole seconds: the logout's own second is split by the sessions it ended (issue 9, item 6)
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult phone = bed.logIn(profile);
        LoginResult before = bed.logIn(profile);
        logout(LogoutScope.GLOBAL, before.tokens().access().value(), null);
        LoginResult sameSecond = bed.logIn(profile);

        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(sameSecond.tokens().access().value(), null)).user().id())
                .isEqualTo(before.user().id());
        assertFails(() -> bed.currentUser.currentUser(new CurrentUserQuery(phone.tokens().access().value(), null)),
                ErrorCode.TOKEN_REVOKED);
        assertFails(() -> bed.verify.verify(new VerifyTokenCommand(before.tokens().access().value())), ErrorCode.TOKEN_REVOKED);
        bed.clock.advance(Duration.ofSeconds(1));
        String refreshed = bed.refresh.refresh(new RefreshCommand(sameSecond.tokens().refresh().value())).tokens().access().value();
        assertThat(bed.currentUser.currentUser(new CurrentUserQuery(refreshed, null)).user().id()).isEqualTo(before.user().id());
    }

    @Test
    void givenOnlyRefreshToken_logoutGlobal_revokesEveryFamily() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult first = bed.logIn(profile);
        LoginResult here = bed.logIn(profile);

        logout(LogoutScope.GLOBAL, null, here.tokens().refresh().value());

        assertThat(isActive(first)).isFalse();
        assertThat(isActive(here)).isFalse();
    }

    @Test
    void givenExpiredAccessAndValidRefresh_logoutGlobal_identifiesTheUserByTheRefreshToken() {
        LoginResult session = bed.logIn();
        bed.clock.advance(Duration.ofHours(6));

        logout(LogoutScope.GLOBAL, session.tokens().access().value(), session.tokens().refresh().value());

        assertThat(isActive(session)).isFalse();
    }

    @Test
    void givenNoToken_logoutGlobal_failsMissing() {
        assertFails(() -> logout(LogoutScope.GLOBAL, null, null), ErrorCode.TOKEN_MISSING);
        assertFails(() -> logout(LogoutScope.GLOBAL, "", ""), ErrorCode.TOKEN_MISSING);
    }

    @Test
    void givenBadTokens_logoutGlobal_failsWithTheAccessTokensError() {
        LoginResult session = bed.logIn();

        assertFails(() -> logout(LogoutScope.GLOBAL, "garbage", null), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> logout(LogoutScope.GLOBAL, null, "garbage"), ErrorCode.TOKEN_NOT_VALID);
        assertFails(() -> logout(LogoutScope.GLOBAL, "garbage", "garbage"), ErrorCode.TOKEN_NOT_VALID);
        bed.clock.advance(Duration.ofHours(6));
        assertFails(() -> logout(LogoutScope.GLOBAL, session.tokens().access().value(), "garbage"), ErrorCode.TOKEN_EXPIRED);
        bed.clock.advance(Duration.ofHours(-6));
        assertThat(isActive(session)).isTrue();
    }

    @Test
    void givenDeniedAccessTokenOnly_logoutGlobal_failsRevoked() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult session = bed.logIn(profile);
        LoginResult otherDevice = bed.logIn(profile);
        logout(LogoutScope.LOCAL, session.tokens().access().value(), null);

        assertFails(() -> logout(LogoutScope.GLOBAL, session.tokens().access().value(), null), ErrorCode.TOKEN_REVOKED);
        assertThat(isActive(otherDevice)).as("a refused global logout ends nothing").isTrue();
    }

    @Test
    void givenStorageDown_logoutGlobal_failsStorageUnavailable() {
        LoginResult session = bed.logIn();
        bed.outage.begin();

        assertFails(() -> logout(LogoutScope.GLOBAL, session.tokens().access().value(), session.tokens().refresh().value()),
                ErrorCode.STORAGE_UNAVAILABLE);
    }
}
