package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeIdentityProviderTest {

    private final FakeIdentityProvider provider = new FakeIdentityProvider(new ProviderName("naver"));

    @Test
    void givenScriptedCodeAndToken_profileCalls_answerTheirProfilesAndAreRecorded() {
        ProviderProfile byCode = TestProfiles.aKakaoProfile();
        ProviderProfile byToken = TestProfiles.aKakaoProfile();
        provider.givenCode("code-1", byCode).givenAccessToken("tok-1", byToken);

        assertThat(provider.profileFromCode("code-1", "https://app.test/cb", null)).isEqualTo(byCode);
        assertThat(provider.profileFromAccessToken("tok-1")).isEqualTo(byToken);
        assertThat(provider.calls()).containsExactly(
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.CODE, "code-1", "https://app.test/cb"),
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.ACCESS_TOKEN, "tok-1", null));
        assertThat(provider.name()).isEqualTo(new ProviderName("naver"));
    }

    @Test
    void givenUnscriptedCode_profileFromCode_isRejected() {
        assertThatThrownBy(() -> provider.profileFromCode("nope", null, null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED));
    }

    @Test
    void givenFailure_everyProfileCall_failsWithIt() {
        provider.givenCode("code-1", TestProfiles.aKakaoProfile());
        provider.failWith(ErrorCode.PROVIDER_UNAVAILABLE);

        assertThatThrownBy(() -> provider.profileFromCode("code-1", null, null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
        provider.failWith(null);
        assertThat(provider.profileFromCode("code-1", null, null)).isNotNull();
        assertThat(provider.profileCalls()).isEqualTo(2);
    }

    @Test
    void givenFlow_authorizationUrl_carriesItsStateAndRecordsTheFlow() {
        LoginFlow flow = LoginFlow.begin(new ProviderName("naver"), Instant.parse("2026-11-27T10:10:00Z"));

        assertThat(provider.authorizationUrl(flow).toString())
                .isEqualTo("https://idp.example.test/naver/authorize?state=" + flow.state());
        assertThat(provider.calls()).containsExactly(
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.AUTHORIZATION_URL, null, null, flow));
    }
}
