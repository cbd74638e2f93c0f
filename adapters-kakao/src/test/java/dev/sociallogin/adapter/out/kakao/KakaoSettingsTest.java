package dev.sociallogin.adapter.out.kakao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KakaoSettingsTest {

    private static final String SECRET = "Zq8-secret-value-4711";

    @Test
    void givenOnlyClientId_of_usesDocumentedDefaults() {
        KakaoSettings settings = KakaoSettings.of("rest-api-key", null, " ", "", null, null);

        assertThat(settings.clientId()).isEqualTo("rest-api-key");
        assertThat(settings.clientSecret()).isNull();
        assertThat(settings.appId()).isNull();
        assertThat(settings.tokenLoginEnabled()).isFalse();
        assertThat(settings.redirectUri()).isEqualTo(URI.create("http://localhost:8080/auth/kakao/callback"));
        assertThat(settings.authBaseUrl()).isEqualTo(URI.create("https://kauth.kakao.com"));
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://kapi.kakao.com"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenEveryVariable_of_readsThem() {
        KakaoSettings settings = KakaoSettings.of("key", SECRET, "123456", "https://app.example/cb",
                "http://127.0.0.1:9001", "http://127.0.0.1:9002/prefix");

        assertThat(settings.clientSecret()).isEqualTo(SECRET);
        assertThat(settings.appId()).isEqualTo(123456L);
        assertThat(settings.tokenLoginEnabled()).isTrue();
        assertThat(settings.redirectUri()).isEqualTo(URI.create("https://app.example/cb"));
        assertThat(settings.authBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9002/prefix"));
    }

    @Test
    void givenAppIdAbove2To31_of_keepsItExactly() {
        assertThat(KakaoSettings.of("key", null, "9007199254740993", null, null, null).appId())
                .isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void toString_neverPrintsTheSecret() {
        KakaoSettings settings = KakaoSettings.of("key", SECRET, "1", null, null, null);

        assertThat(settings.toString()).doesNotContain(SECRET).contains("clientSecret=<set>").contains("key");
        assertThat(KakaoSettings.of("key", null, null, null, null, null).toString()).contains("clientSecret=<unset>");
    }

    @Test
    void givenMissingClientId_of_failsNamingTheVariable() {
        assertThatThrownBy(() -> KakaoSettings.of(" ", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAKAO_CLIENT_ID");
    }

    @Test
    void givenNonNumericAppId_of_failsNamingTheVariable() {
        assertThatThrownBy(() -> KakaoSettings.of("key", null, "12ab", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAKAO_APP_ID");
        assertThatThrownBy(() -> KakaoSettings.of("key", null, "0", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAKAO_APP_ID");
        assertThatThrownBy(() -> KakaoSettings.of("key", null, "99999999999999999999", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAKAO_APP_ID");
    }

    @Test
    void givenSecretWithSpace_of_failsWithoutEchoingIt() {
        String bad = "has space " + SECRET;
        assertThatThrownBy(() -> KakaoSettings.of("key", bad, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAKAO_CLIENT_SECRET")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void givenUnusableUrls_of_failsNamingTheVariable() {
        assertThatThrownBy(() -> KakaoSettings.of("key", null, null, "/relative/cb", null, null))
                .hasMessageContaining("KAKAO_REDIRECT_URI");
        assertThatThrownBy(() -> KakaoSettings.of("key", null, null, null, "ftp://kauth.example", null))
                .hasMessageContaining("KAKAO_AUTH_BASE_URL");
        assertThatThrownBy(() -> KakaoSettings.of("key", null, null, null, null, "https://kapi.example/?x=1"))
                .hasMessageContaining("KAKAO_API_BASE_URL");
        assertThatThrownBy(() -> KakaoSettings.of("key", null, null, null, null, "not a url"))
                .hasMessageContaining("KAKAO_API_BASE_URL");
    }

    @Test
    void givenNonPositiveTimeout_constructor_fails() {
        KakaoSettings settings = KakaoSettings.of("key", null, null, null, null, null);

        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withTimeouts(null, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.withTimeouts(Duration.ofMillis(300), Duration.ofMillis(400)).readTimeout())
                .isEqualTo(Duration.ofMillis(400));
    }
}
