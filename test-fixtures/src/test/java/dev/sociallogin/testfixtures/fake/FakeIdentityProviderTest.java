package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import org.junit.jupiter.api.Test;

class FakeIdentityProviderTest {

    private final FakeIdentityProvider provider = new FakeIdentityProvider(new ProviderName("naver"));

    @Test
    void givenScriptedCodeAndToken_profileCalls_answerTheirProfilesAndAreRecorded() {
        ProviderProfile byCode = TestProfiles.aKakaoProfile();
        ProviderProfile byToken = TestProfiles.aKakaoProfile();
        provider.givenCode("code-1", byCode).givenAccessToken("tok-1", byToken);

        assertThat(provider.profileFromCode("code-1", "https://app.test/cb")).isEqualTo(byCode);
        assertThat(provider.profileFromAccessToken("tok-1")).isEqualTo(byToken);
        assertThat(provider.calls()).containsExactly(
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.CODE, "code-1", "https://app.test/cb"),
                new FakeIdentityProvider.Call(FakeIdentityProvider.Call.Kind.ACCESS_TOKEN, "tok-1", null));
        assertThat(provider.name()).isEqualTo(new ProviderName("naver"));
    }

    @Test
    void givenUnscriptedCode_profileFromCode_isRejected() {
        assertThatThrownBy(() -> provider.profileFromCode("nope", null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED));
    }

    @Test
    void givenFailure_everyProfileCall_failsWithIt() {
        provider.givenCode("code-1", TestProfiles.aKakaoProfile());
        provider.failWith(ErrorCode.PROVIDER_UNAVAILABLE);

        assertThatThrownBy(() -> provider.profileFromCode("code-1", null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
        provider.failWith(null);
        assertThat(provider.profileFromCode("code-1", null)).isNotNull();
        assertThat(provider.profileCalls()).isEqualTo(2);
    }

    @Test
    void givenState_authorizationUrl_carriesItEncoded() {
        assertThat(provider.authorizationUrl("a b+c").toString())
                .isEqualTo("https://idp.example.test/naver/authorize?state=a+b%2Bc");
    }
}
