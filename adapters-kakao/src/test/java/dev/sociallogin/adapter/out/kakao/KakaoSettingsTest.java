package dev.sociallogin.adapter.out.kakao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.settings.InvalidSettingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KakaoSettingsTest {

    private static final String SECRET = "Zq8-secret-value-4711";

    private static KakaoSettings from(String... nameValues) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            variables.put(nameValues[i], nameValues[i + 1]);
        }
        return KakaoSettings.from(variables::get).orElseThrow();
    }

    private static void assertRefused(String variable, String... nameValues) {
        assertThatThrownBy(() -> from(nameValues)).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.variable()).isEqualTo(variable);
            for (int i = 1; i < nameValues.length; i += 2) {
                if (nameValues[i].length() > 3) {
                    assertThat(e.getMessage()).doesNotContain(nameValues[i]);
                }
            }
        });
    }

    @Test
    void givenNoClientId_from_enablesNothing() {
        assertThat(KakaoSettings.from(Map.of("KAKAO_CLIENT_ID", " ", "KAKAO_APP_ID", "x")::get)).isEmpty();
        assertThat(new KakaoIdentityProviderFactory().create(Map.<String, String>of()::get, Clock.systemUTC())).isEmpty();
    }

    @Test
    void givenOnlyClientId_from_usesDocumentedDefaults() {
        KakaoSettings settings = from("KAKAO_CLIENT_ID", "rest-api-key", "KAKAO_APP_ID", " ", "KAKAO_REDIRECT_URI", "");

        assertThat(settings.clientId()).isEqualTo("rest-api-key");
        assertThat(settings.clientSecret()).isNull();
        assertThat(settings.appId()).isNull();
        assertThat(settings.tokenLoginEnabled()).isFalse();
        assertThat(settings.redirectUri()).isEqualTo(URI.create("http://localhost:8080/auth/kakao/callback"));
        assertThat(settings.authBaseUrl()).isEqualTo(URI.create("https://kauth.kakao.com"));
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://kapi.kakao.com"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new KakaoIdentityProviderFactory().create(Map.of("KAKAO_CLIENT_ID", "k")::get, Clock.systemUTC()))
                .singleElement().isInstanceOf(KakaoIdentityProvider.class);
    }

    @Test
    void givenEveryVariable_from_readsThem() {
        KakaoSettings settings = from("KAKAO_CLIENT_ID", "key", "KAKAO_CLIENT_SECRET", SECRET, "KAKAO_APP_ID", "123456",
                "KAKAO_REDIRECT_URI", "https://app.example/cb", "KAKAO_AUTH_BASE_URL", "http://127.0.0.1:9001",
                "KAKAO_API_BASE_URL", "http://127.0.0.1:9002/prefix");

        assertThat(settings.clientSecret()).isEqualTo(SECRET);
        assertThat(settings.appId()).isEqualTo(123456L);
        assertThat(settings.tokenLoginEnabled()).isTrue();
        assertThat(settings.redirectUri()).isEqualTo(URI.create("https://app.example/cb"));
        assertThat(settings.authBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9002/prefix"));
    }

    @Test
    void givenAppIdAbove2To53_from_keepsItExactly() {
        assertThat(from("KAKAO_CLIENT_ID", "key", "KAKAO_APP_ID", "9007199254740993").appId()).isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void toString_neverPrintsTheSecret() {
        KakaoSettings settings = from("KAKAO_CLIENT_ID", "key", "KAKAO_CLIENT_SECRET", SECRET);

        assertThat(settings.toString()).doesNotContain(SECRET).contains("clientSecret=<set>").contains("key");
        assertThat(from("KAKAO_CLIENT_ID", "key").toString()).contains("clientSecret=<unset>");
    }

    @Test
    void givenUnusableValues_from_failsNamingTheVariableNeverTheValue() {
        assertRefused("KAKAO_CLIENT_ID", "KAKAO_CLIENT_ID", "two words");
        assertRefused("KAKAO_APP_ID", "KAKAO_CLIENT_ID", "key", "KAKAO_APP_ID", "12ab");
        assertRefused("KAKAO_APP_ID", "KAKAO_CLIENT_ID", "key", "KAKAO_APP_ID", "0");
        assertRefused("KAKAO_APP_ID", "KAKAO_CLIENT_ID", "key", "KAKAO_APP_ID", "99999999999999999999");
        assertRefused("KAKAO_CLIENT_SECRET", "KAKAO_CLIENT_ID", "key", "KAKAO_CLIENT_SECRET", "has space-" + SECRET);
        assertRefused("KAKAO_REDIRECT_URI", "KAKAO_CLIENT_ID", "key", "KAKAO_REDIRECT_URI", "/relative/cb");
        assertRefused("KAKAO_AUTH_BASE_URL", "KAKAO_CLIENT_ID", "key", "KAKAO_AUTH_BASE_URL", "ftp://kauth.example");
        assertRefused("KAKAO_API_BASE_URL", "KAKAO_CLIENT_ID", "key", "KAKAO_API_BASE_URL", "https://kapi.example/?x=1");
        assertRefused("KAKAO_API_BASE_URL", "KAKAO_CLIENT_ID", "key", "KAKAO_API_BASE_URL", "not a url");
    }

    @Test
    void givenOtherTimeouts_constructor_checksThem() {
        KakaoSettings settings = from("KAKAO_CLIENT_ID", "key");
        assertThatThrownBy(() -> new KakaoSettings("key", null, null, settings.redirectUri(), settings.authBaseUrl(),
                settings.apiBaseUrl(), Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KakaoSettings("key", null, null, settings.redirectUri(), settings.authBaseUrl(), settings.apiBaseUrl(),
                Duration.ofMillis(300), Duration.ofMillis(400)).readTimeout()).isEqualTo(Duration.ofMillis(400));
    }
}
