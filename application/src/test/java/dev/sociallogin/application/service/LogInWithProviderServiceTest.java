package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.START;
import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import dev.sociallogin.testfixtures.contract.Racing;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogInWithProviderServiceTest {

    private final TestBed bed = new TestBed();

    @Test
    void givenNewIdentity_logIn_registersUserAndIssuesPairInNewFamily() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();

        LoginResult result = bed.logIn(profile);

        assertThat(result.registered()).isTrue();
        User user = result.user();
        assertThat(user.username().value()).isEqualTo("kakao_" + profile.identity().subject());
        assertThat(user.email()).isEqualTo(profile.email());
        assertThat(user.nickname()).isEqualTo(profile.nickname());
        assertThat(user.property()).isEqualTo(3_000_000L);
        assertThat(user.dateJoined()).isEqualTo(START);
        assertThat(user.lastLogin()).isEqualTo(START);
        assertThat(bed.users.findById(user.id())).contains(user);

        TokenClaims access = bed.codec.decode(result.tokens().access().value(), TokenType.ACCESS);
        assertThat(access).isEqualTo(result.tokens().access().claims());
        assertThat(access.subject()).isEqualTo(user.id());
        assertThat(access.username()).isEqualTo(user.username());
        assertThat(access.issuedAt()).isEqualTo(START);
        assertThat(access.expiresAt()).isEqualTo(START.plus(Duration.ofHours(5)));

        TokenClaims refresh = bed.codec.decode(result.tokens().refresh().value(), TokenType.REFRESH);
        assertThat(refresh.issuedAt()).isEqualTo(START);
        assertThat(refresh.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        StoredRefreshToken stored = bed.refreshTokens.find(refresh.id()).orElseThrow();
        assertThat(stored.claims(user.username())).isEqualTo(refresh);
        assertThat(stored.familyStartedAt()).isEqualTo(START);
        assertThat(stored.isActiveAt(START)).isTrue();
    }

    @Test
    void givenRegisteredIdentity_logIn_returnsSameUserNotRegisteredAndRecordsLastLogin() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        LoginResult first = bed.logIn(profile);
        bed.clock.advance(Duration.ofHours(3));

        LoginResult second = bed.logIn(profile);

        assertThat(second.registered()).isFalse();
        assertThat(second.user().id()).isEqualTo(first.user().id());
        assertThat(second.user().dateJoined()).isEqualTo(START);
        assertThat(second.user().lastLogin()).isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(bed.users.findById(first.user().id()).orElseThrow().lastLogin()).isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(second.tokens().refresh().claims().family()).isNotEqualTo(first.tokens().refresh().claims().family());
        assertThat(bed.refreshTokens.find(first.tokens().refresh().claims().id()).orElseThrow().isActiveAt(bed.clock.instant()))
                .as("a second login leaves the first session alone").isTrue();
    }

    @Test
    void givenProviderAccessToken_logIn_asksTheProviderWithIt() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        bed.kakao.givenAccessToken("kakao-access-1", profile);

        LoginResult result = bed.login.logIn(new LogInCommand(ProviderName.KAKAO,
                new ProviderCredential.ProviderAccessToken("kakao-access-1")));

        assertThat(result.user().username()).isEqualTo(profile.identity().username());
        assertThat(bed.kakao.calls()).containsExactly(
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.ACCESS_TOKEN, "kakao-access-1", null));
    }

    @Test
    void givenCodeWithRedirectUri_logIn_passesTheRedirectUriToTheProvider() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        String code = bed.codeFor(profile);

        bed.login.logIn(new LogInCommand(ProviderName.KAKAO,
                new ProviderCredential.AuthorizationCode(code, "https://spa.example.test/cb")));

        assertThat(bed.kakao.calls()).containsExactly(
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.CODE, code, "https://spa.example.test/cb"));
    }

    @Test
    void givenUnverifiedEmail_logIn_storesNoEmail() {
        LoginResult result = bed.logIn(TestProfiles.aKakaoProfileWithUnverifiedEmail());

        assertThat(result.user().email()).isNull();
    }

    @Test
    void givenProviderNotEnabled_logIn_failsUnknownProvider() {
        assertFails(() -> bed.login.logIn(new LogInCommand(new ProviderName("naver"),
                new ProviderCredential.AuthorizationCode("code", null))), ErrorCode.UNKNOWN_PROVIDER);
        assertThat(bed.kakao.calls()).isEmpty();
    }

    @Test
    void givenProviderRejectsCode_logIn_failsProviderRejectedAndStoresNothing() {
        assertFails(() -> bed.login.logIn(new LogInCommand(ProviderName.KAKAO,
                new ProviderCredential.AuthorizationCode("unknown-code", null))), ErrorCode.PROVIDER_REJECTED);
        assertThat(bed.users.count()).isZero();
        assertThat(bed.refreshTokens.size()).isZero();
    }

    @Test
    void givenProviderDown_logIn_failsProviderUnavailable() {
        LogInCommand command = bed.loginCommand(TestProfiles.aKakaoProfile());
        bed.kakao.failWith(ErrorCode.PROVIDER_UNAVAILABLE);

        assertFails(() -> bed.login.logIn(command), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(bed.users.count()).isZero();
    }

    @Test
    void givenDisabledUser_logIn_failsNotValidWithoutTokenOrLastLogin() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        User user = bed.logIn(profile).user();
        bed.users.disable(user.id());
        int storedTokens = bed.refreshTokens.size();
        bed.clock.advance(Duration.ofMinutes(1));

        assertFails(() -> bed.logIn(profile), ErrorCode.TOKEN_NOT_VALID);

        assertThat(bed.refreshTokens.size()).isEqualTo(storedTokens);
        assertThat(bed.users.findById(user.id()).orElseThrow().lastLogin()).isEqualTo(START);
    }

    @Test
    void givenSessionShorterThanRefreshLifetime_logIn_capsTheRefreshTokenAtTheSessionEnd() {
        TestBed capped = new TestBed(new TokenPolicy(Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofSeconds(10),
                Duration.ofDays(1)));

        LoginResult result = capped.logIn();

        assertThat(result.tokens().refresh().claims().expiresAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(result.tokens().access().claims().expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void givenClockBetweenSeconds_logIn_issuesWholeSeconds() {
        bed.clock.set(START.plusMillis(789));

        LoginResult result = bed.logIn();

        assertThat(result.tokens().access().claims().issuedAt()).isEqualTo(START);
        assertThat(result.tokens().refresh().claims().issuedAt()).isEqualTo(START);
        assertThat(result.user().lastLogin()).isEqualTo(START);
    }

    @Test
    void givenStorageDown_logIn_failsStorageUnavailable() {
        LogInCommand command = bed.loginCommand(TestProfiles.aKakaoProfile());
        bed.outage.begin();

        assertFails(() -> bed.login.logIn(command), ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void givenConcurrentFirstLoginsOfOneIdentity_logIn_createsOneUserAndReportsOneRegistration() {
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        int threads = 20;
        List<LogInCommand> commands = java.util.stream.IntStream.range(0, threads)
                .mapToObj(i -> bed.loginCommand(profile)).toList();

        List<Racing.Outcome<LoginResult>> outcomes = Racing.race(threads, i -> () -> bed.login.logIn(commands.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        Set<UserId> ids = outcomes.stream().map(o -> o.value().user().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.value().registered()).count()).isEqualTo(1);
        assertThat(bed.users.count()).isEqualTo(1);
        assertThat(outcomes.stream().map(o -> o.value().tokens().refresh().claims().family()).distinct().count())
                .as("every login starts its own session").isEqualTo(threads);
    }
}
