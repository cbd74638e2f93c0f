package dev.sociallogin.bootstrap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static final String STRONG = "0123456789abcdef0123456789abcdef";

    @Test
    void givenNothing_from_appliesTheContractDefaults() {
        Settings s = Settings.from(Map.of());

        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.dbUrl()).isEmpty();
        assertThat(s.dbUser()).isEmpty();
        assertThat(s.dbPassword()).isEmpty();
        assertThat(s.jwtSecret()).isEmpty();
        assertThat(s.jwtIssuer()).isEqualTo("social-login");
        assertThat(s.accessTokenTtl()).isEqualTo(Duration.ofHours(5));
        assertThat(s.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(s.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.sessionMaxLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(s.cookieSecure()).isTrue();
        assertThat(s.cookieSameSite()).isEqualTo(Settings.SameSite.NONE);
        assertThat(s.cookieDomain()).isEmpty();
        assertThat(s.tokensInBody()).isTrue();
        assertThat(s.corsAllowedOrigins()).isEmpty();
        assertThat(s.loginRedirectUrl()).isEmpty();
        assertThat(s.kakaoClientId()).isEmpty();
        assertThat(s.kakaoClientSecret()).isEmpty();
        assertThat(s.kakaoAppId()).isEmpty();
        assertThat(s.kakaoRedirectUri()).hasToString("http://localhost:8080/auth/kakao/callback");
        assertThat(s.kakaoAuthBaseUrl()).hasToString("https://kauth.kakao.com");
        assertThat(s.kakaoApiBaseUrl()).hasToString("https://kapi.kakao.com");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void givenEveryVariable_from_readsThemAll() {
        Settings s = Settings.from(Map.ofEntries(
                Map.entry("AUTH_HTTP_PORT", "9090"),
                Map.entry("AUTH_DATA_DIR", "/tmp/sl"),
                Map.entry("AUTH_DB_URL", "jdbc:mysql://db:3306/auth"),
                Map.entry("AUTH_DB_USER", "auth"),
                Map.entry("AUTH_DB_PASSWORD", " pw with blanks "),
                Map.entry("AUTH_JWT_SECRET", STRONG),
                Map.entry("AUTH_JWT_ISSUER", "me"),
                Map.entry("AUTH_ACCESS_TOKEN_TTL", "pt15m"),
                Map.entry("AUTH_REFRESH_TOKEN_TTL", "P1D"),
                Map.entry("AUTH_REFRESH_REUSE_GRACE", "PT0S"),
                Map.entry("AUTH_SESSION_MAX_LIFETIME", "P2D"),
                Map.entry("AUTH_COOKIE_SECURE", "FALSE"),
                Map.entry("AUTH_COOKIE_SAMESITE", "lax"),
                Map.entry("AUTH_COOKIE_DOMAIN", "example.com"),
                Map.entry("AUTH_TOKENS_IN_BODY", "false"),
                Map.entry("AUTH_CORS_ALLOWED_ORIGINS", "https://app.example.com/, http://localhost:3000"),
                Map.entry("AUTH_LOGIN_REDIRECT_URL", "https://app.example.com/welcome"),
                Map.entry("KAKAO_CLIENT_ID", "rest-key"),
                Map.entry("KAKAO_CLIENT_SECRET", "s3cret"),
                Map.entry("KAKAO_APP_ID", "123456"),
                Map.entry("KAKAO_REDIRECT_URI", "https://auth.example.com/auth/kakao/callback"),
                Map.entry("KAKAO_AUTH_BASE_URL", "http://127.0.0.1:1234"),
                Map.entry("KAKAO_API_BASE_URL", "http://127.0.0.1:1235")));

        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/sl"));
        assertThat(s.dbUrl()).contains("jdbc:mysql://db:3306/auth");
        assertThat(s.dbUser()).isEqualTo("auth");
        assertThat(s.dbPassword()).isEqualTo(" pw with blanks ");
        assertThat(s.jwtSecret()).contains(STRONG);
        assertThat(s.jwtIssuer()).isEqualTo("me");
        assertThat(s.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.refreshTokenTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(s.refreshReuseGrace()).isZero();
        assertThat(s.sessionMaxLifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(s.cookieSecure()).isFalse();
        assertThat(s.cookieSameSite()).isEqualTo(Settings.SameSite.LAX);
        assertThat(s.cookieDomain()).contains("example.com");
        assertThat(s.tokensInBody()).isFalse();
        assertThat(s.corsAllowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(s.loginRedirectUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://app.example.com/welcome"));
        assertThat(s.kakaoClientId()).contains("rest-key");
        assertThat(s.kakaoClientSecret()).contains("s3cret");
        assertThat(s.kakaoAppId()).contains("123456");
        assertThat(s.kakaoRedirectUri()).hasToString("https://auth.example.com/auth/kakao/callback");
        assertThat(s.kakaoAuthBaseUrl()).hasToString("http://127.0.0.1:1234");
        assertThat(s.kakaoApiBaseUrl()).hasToString("http://127.0.0.1:1235");
        assertThat(s.toString()).doesNotContain(STRONG, "s3cret", "pw with blanks", "jdbc:");
    }

    @Test
    void givenEmptyValues_from_treatsThemAsUnset() {
        Settings s = Settings.from(Map.of("AUTH_JWT_SECRET", "", "AUTH_COOKIE_DOMAIN", "  ", "KAKAO_CLIENT_ID", "", "AUTH_HTTP_PORT", " "));

        assertThat(s.jwtSecret()).isEmpty();
        assertThat(s.cookieDomain()).isEmpty();
        assertThat(s.kakaoClientId()).isEmpty();
        assertThat(s.httpPort()).isEqualTo(8080);
    }

    @Test
    void givenWeakSecret_from_refusesNamingTheVariableButNotTheValue() {
        String weak = "short-secret-0123456789abcdef"; // 29 bytes

        assertThatThrownBy(() -> Settings.from(Map.of("AUTH_JWT_SECRET", weak)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("AUTH_JWT_SECRET");
                    assertThat(e.getMessage()).startsWith("AUTH_JWT_SECRET:").contains("32 bytes").doesNotContain(weak);
                });
    }

    @Test
    void givenSecretOfExactly32Bytes_from_acceptsIt() {
        assertThat(Settings.from(Map.of("AUTH_JWT_SECRET", STRONG)).jwtSecret()).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AUTH_HTTP_PORT|eighty",
            "AUTH_HTTP_PORT|65536",
            "AUTH_HTTP_PORT|-1",
            "AUTH_ACCESS_TOKEN_TTL|5h",
            "AUTH_ACCESS_TOKEN_TTL|PT0.5S",
            "AUTH_REFRESH_TOKEN_TTL|7 days",
            "AUTH_REFRESH_REUSE_GRACE|-PT1S",
            "AUTH_SESSION_MAX_LIFETIME|P1M",
            "AUTH_COOKIE_SECURE|yes",
            "AUTH_TOKENS_IN_BODY|0",
            "AUTH_COOKIE_SAMESITE|Relaxed",
            "AUTH_COOKIE_DOMAIN|exa mple.com",
            "AUTH_CORS_ALLOWED_ORIGINS|*",
            "AUTH_CORS_ALLOWED_ORIGINS|https://app.example.com/path",
            "AUTH_CORS_ALLOWED_ORIGINS|ftp://app.example.com",
            "AUTH_LOGIN_REDIRECT_URL|javascript:alert(1)",
            "AUTH_LOGIN_REDIRECT_URL|//evil.example.com/",
            "AUTH_LOGIN_REDIRECT_URL|/relative/path",
            "AUTH_DB_URL|mysql://db:3306/auth",
            "AUTH_DB_URL|jdbc:postgresql://db/auth",
            "KAKAO_APP_ID|my-app",
            "KAKAO_REDIRECT_URI|/auth/kakao/callback",
            "KAKAO_AUTH_BASE_URL|kauth.kakao.com",
            "KAKAO_API_BASE_URL|http://[bad",
    })
    void givenUnparseableValue_from_refusesNamingTheVariableButNotTheValue(String name, String value) {
        assertThatThrownBy(() -> Settings.from(Map.of(name, value)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo(name);
                    assertThat(e.getMessage()).startsWith(name + ":").doesNotContain(value);
                });
    }

    @Test
    void givenRefreshTtlBeyondSessionLifetime_warnings_sayRefreshTokensEndWithTheirSession() {
        Settings s = Settings.from(Map.of("AUTH_REFRESH_TOKEN_TTL", "P40D"));

        assertThat(s.warnings()).singleElement().asString().contains("AUTH_REFRESH_TOKEN_TTL", "AUTH_SESSION_MAX_LIFETIME");
    }

    @Test
    void givenSystemProperty_environment_prefersItOverTheEnvironmentVariable() {
        System.setProperty("AUTH_JWT_ISSUER", "from-property");
        try {
            assertThat(Settings.environment()).containsEntry("AUTH_JWT_ISSUER", "from-property");
            assertThat(Settings.from(Settings.environment()).jwtIssuer()).isEqualTo("from-property");
        } finally {
            System.clearProperty("AUTH_JWT_ISSUER");
        }
    }
}
