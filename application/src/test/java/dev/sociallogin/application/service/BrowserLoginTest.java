package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import dev.sociallogin.testfixtures.contract.Racing;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider.Call;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser flow: authorize starts a flow, the callback completes it once, with every check of its state. */
class BrowserLoginTest {

    private final TestBed bed = new TestBed();

    /** What a browser holds after authorize: the URL's state and the cookie. */
    private record Started(LoginFlow flow, String state, String cookie) {
    }

    private Started authorize(ProviderName provider) {
        AuthorizationRedirect redirect = bed.authorize.authorizationUrl(new AuthorizationUrlQuery(provider));
        LoginFlow flow = bed.flowCodec.decode(redirect.flowCookie());
        return new Started(flow, query(redirect.location(), "state"), redirect.flowCookie());
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private LoginResult callback(String code, String state, String cookie) {
        return bed.login.logIn(new LogInCommand(ProviderName.KAKAO, new ProviderCredential.BrowserCallback(code, state, cookie)));
    }

    @Test
    void authorize_startsAFlowForTheProviderAndAnswersItsUrlAndSealedCookie() {
        AuthorizationRedirect redirect = bed.authorize.authorizationUrl(new AuthorizationUrlQuery(ProviderName.KAKAO));
        LoginFlow flow = bed.flowCodec.decode(redirect.flowCookie());

        assertThat(flow.provider()).isEqualTo(ProviderName.KAKAO);
        assertThat(flow.expiresAt()).isEqualTo(TestBed.START.plus(Duration.ofMinutes(10)));
        assertThat(redirect.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(redirect.location().toString()).isEqualTo(FakeIdentityProvider.AUTHORIZE_BASE + "kakao/authorize?state=" + flow.state());
        assertThat(redirect.flowCookie()).doesNotContain(flow.state());
        assertThat(bed.kakao.calls()).containsExactly(new Call(Call.Kind.AUTHORIZATION_URL, null, null, flow));
        assertThat(bed.authorize.authorizationUrl(new AuthorizationUrlQuery(ProviderName.KAKAO)).location())
                .isNotEqualTo(redirect.location());
    }

    @Test
    void givenProviderNotEnabled_authorize_failsUnknownProvider() {
        assertFails(() -> bed.authorize.authorizationUrl(new AuthorizationUrlQuery(new ProviderName("naver"))),
                ErrorCode.UNKNOWN_PROVIDER);
    }

    @Test
    void givenMatchingStateAndCookie_callback_logsInPassingTheFlowToTheProvider() {
        Started started = authorize(ProviderName.KAKAO);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        String code = bed.codeFor(profile);

        LoginResult result = callback(code, started.state(), started.cookie());

        assertThat(result.registered()).isTrue();
        assertThat(result.user().username()).isEqualTo(profile.identity().username());
        assertThat(bed.kakao.calls()).last().isEqualTo(new Call(Call.Kind.CODE, code, null, started.flow()));
    }

    @Test
    void givenAppCode_login_passesNoFlow() {
        String code = bed.codeFor(TestProfiles.aKakaoProfile());

        bed.login.logIn(new LogInCommand(ProviderName.KAKAO, new ProviderCredential.AuthorizationCode(code, null)));

        assertThat(bed.kakao.calls()).containsExactly(new Call(Call.Kind.CODE, code, null, null));
    }

    @Test
    void givenMissingOrForeignStateOrCookie_callback_isInvalidStateWithoutAskingTheProvider() {
        Started started = authorize(ProviderName.KAKAO);
        Started other = authorize(ProviderName.KAKAO);
        String code = bed.codeFor(TestProfiles.aKakaoProfile());

        assertFails(() -> callback(code, started.state(), null), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(code, started.state(), ""), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(code, null, started.cookie()), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(code, "", started.cookie()), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(code, started.state() + "x", started.cookie()), ErrorCode.INVALID_STATE);
        // another browser's state with this browser's cookie, and the reverse: each cookie binds its own state
        assertFails(() -> callback(code, other.state(), started.cookie()), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(code, started.state(), other.cookie()), ErrorCode.INVALID_STATE);
        // a cookie the codec never sealed (altered, forged)
        assertFails(() -> callback(code, started.state(), started.cookie() + "x"), ErrorCode.INVALID_STATE);

        assertThat(bed.kakao.profileCalls()).isZero();
        // none of those used the flow up
        assertThat(callback(code, started.state(), started.cookie()).user()).isNotNull();
    }

    @Test
    void givenCookieOfAnotherProvidersFlow_callback_isInvalidState() {
        FakeIdentityProvider naver = new FakeIdentityProvider(new ProviderName("naver"));
        TestBed two = new TestBed();
        AuthorizationUrlService authorize = new AuthorizationUrlService(new IdentityProviders(List.of(two.kakao, naver)), two.flows);
        AuthorizationRedirect naverRedirect = authorize.authorizationUrl(new AuthorizationUrlQuery(new ProviderName("naver")));
        LoginFlow naverFlow = two.flowCodec.decode(naverRedirect.flowCookie());
        String code = two.codeFor(TestProfiles.aKakaoProfile());

        assertFails(() -> two.login.logIn(new LogInCommand(ProviderName.KAKAO,
                new ProviderCredential.BrowserCallback(code, naverFlow.state(), naverRedirect.flowCookie()))), ErrorCode.INVALID_STATE);
        assertThat(two.kakao.profileCalls()).isZero();
    }

    @Test
    void givenFlowOlderThanTenMinutes_callback_isInvalidState() {
        Started started = authorize(ProviderName.KAKAO);
        String code = bed.codeFor(TestProfiles.aKakaoProfile());
        bed.clock.advance(Duration.ofMinutes(10));

        assertFails(() -> callback(code, started.state(), started.cookie()), ErrorCode.INVALID_STATE);
        assertThat(bed.kakao.profileCalls()).isZero();
    }

    @Test
    void givenReplayedCallback_secondUse_isInvalidStateEvenWhenTheFirstFailedAtTheProvider() {
        Started started = authorize(ProviderName.KAKAO);
        Started failing = authorize(ProviderName.KAKAO);
        String code = bed.codeFor(TestProfiles.aKakaoProfile());
        callback(code, started.state(), started.cookie());

        assertFails(() -> callback(bed.codeFor(TestProfiles.aKakaoProfile()), started.state(), started.cookie()), ErrorCode.INVALID_STATE);

        assertFails(() -> callback("unknown-code", failing.state(), failing.cookie()), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> callback(bed.codeFor(TestProfiles.aKakaoProfile()), failing.state(), failing.cookie()),
                ErrorCode.INVALID_STATE);
        assertThat(bed.kakao.profileCalls()).isEqualTo(2);
    }

    @Test
    void givenConcurrentCallbacksWithOneFlow_exactlyOneLogsIn() {
        Started started = authorize(ProviderName.KAKAO);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        int threads = 16;
        List<String> codes = java.util.stream.IntStream.range(0, threads).mapToObj(i -> bed.codeFor(profile)).toList();

        List<Racing.Outcome<LoginResult>> outcomes = Racing.race(threads, i -> () -> callback(codes.get(i), started.state(), started.cookie()));

        assertThat(outcomes.stream().filter(o -> o.failure() == null)).hasSize(1);
        assertThat(bed.kakao.profileCalls()).isEqualTo(1);
    }

    @Test
    void givenValidStateButNoCode_callback_isInvalidRequestAfterTheStateCheck() {
        Started started = authorize(ProviderName.KAKAO);

        assertFails(() -> callback(null, "wrong", started.cookie()), ErrorCode.INVALID_STATE);
        assertFails(() -> callback(" ", started.state(), started.cookie()), ErrorCode.INVALID_REQUEST);
        assertThat(bed.kakao.profileCalls()).isZero();
    }

    @Test
    void givenMoreCompletedFlowsThanRemembered_theOldestAreForgottenFirst() {
        LoginFlows flows = new LoginFlows(bed.flowCodec, bed.clock);
        LoginFlow first = flows.begin(ProviderName.KAKAO);
        String firstCookie = flows.seal(first);
        flows.complete(ProviderName.KAKAO, first.state(), firstCookie);
        for (int i = 1; i < LoginFlows.MAX_REMEMBERED; i++) {
            LoginFlow flow = flows.begin(ProviderName.KAKAO);
            flows.complete(ProviderName.KAKAO, flow.state(), flows.seal(flow));
        }
        assertFails(() -> flows.complete(ProviderName.KAKAO, first.state(), firstCookie), ErrorCode.INVALID_STATE);

        LoginFlow overflow = flows.begin(ProviderName.KAKAO);
        flows.complete(ProviderName.KAKAO, overflow.state(), flows.seal(overflow));

        // the bound holds: the oldest entry made room (its flow's code is single-use at the provider anyway)
        assertThat(flows.complete(ProviderName.KAKAO, first.state(), firstCookie)).isEqualTo(first);
    }

    @Test
    void givenExpiredEntries_theyAreForgottenWithTheirFlow() {
        Started started = authorize(ProviderName.KAKAO);
        callback(bed.codeFor(TestProfiles.aKakaoProfile()), started.state(), started.cookie());
        assertThat(bed.flows.remembered()).isEqualTo(1);
        bed.clock.advance(Duration.ofMinutes(11));

        Started later = authorize(ProviderName.KAKAO);
        callback(bed.codeFor(TestProfiles.aKakaoProfile()), later.state(), later.cookie());

        assertThat(bed.flows.remembered()).isEqualTo(1);
    }
}
