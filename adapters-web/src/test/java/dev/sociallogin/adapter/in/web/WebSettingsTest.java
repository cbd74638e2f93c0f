package dev.sociallogin.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.settings.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    private static WebSettings from(Map<String, String> variables) {
        return WebSettings.from(variables::get);
    }

    private static void assertRefused(Map<String, String> variables, String variable) {
        assertThatThrownBy(() -> from(variables)).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.variable()).isEqualTo(variable);
            variables.values().forEach(value -> assertThat(e.getMessage()).doesNotContain(value));
        });
    }

    @Test
    void givenNothing_from_followsTheContractsDefaults() {
        WebSettings defaults = from(Map.of());
        assertThat(defaults).isEqualTo(WebSettings.defaults(8080));
        assertThat(defaults.cookieSecure()).isTrue();
        assertThat(defaults.cookieSameSite()).isEqualTo("None");
        assertThat(defaults.tokensInBody()).isTrue();
        assertThat(defaults.maxBodyBytes()).isEqualTo(16 * 1024);
        assertThat(defaults.bodyReadTimeout()).isEqualTo(WebSettings.DEFAULT_BODY_READ_TIMEOUT);
        assertThat(defaults.corsAllowedOrigins()).isEmpty();
        assertThat(defaults.loginRedirectUrl()).isNull();
        assertThat(defaults.demoPage()).isTrue();
    }

    @Test
    void givenEveryVariable_from_readsThem() {
        WebSettings settings = from(Map.of("AUTH_HTTP_PORT", "9090", "AUTH_COOKIE_SECURE", "false", "AUTH_COOKIE_SAMESITE", " lax ",
                "AUTH_COOKIE_DOMAIN", ".example.test", "AUTH_TOKENS_IN_BODY", "FALSE",
                "AUTH_CORS_ALLOWED_ORIGINS", " https://App.Example.test/ ,, http://localhost:3000",
                "AUTH_LOGIN_REDIRECT_URL", "https://x.test/done", "AUTH_DEMO_PAGE", "false"));
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.cookieSecure()).isFalse();
        assertThat(settings.cookieSameSite()).isEqualTo("Lax");
        assertThat(settings.cookieDomain()).isEqualTo(".example.test");
        assertThat(settings.tokensInBody()).isFalse();
        assertThat(settings.corsAllowedOrigins()).containsExactly("https://app.example.test", "http://localhost:3000");
        assertThat(settings.loginRedirectUrl()).isEqualTo("https://x.test/done");
        assertThat(settings.demoPage()).isFalse();
    }

    @Test
    void origins_areMatchedCaseInsensitively_andExactly() {
        WebSettings settings = from(Map.of("AUTH_CORS_ALLOWED_ORIGINS", "https://App.Example.test"));
        assertThat(settings.isAllowedOrigin("https://app.example.test")).isTrue();
        assertThat(settings.isAllowedOrigin("https://APP.example.test")).isTrue();
        assertThat(settings.isAllowedOrigin("https://app.example.test.evil.test")).isFalse();
        assertThat(settings.isAllowedOrigin("null")).isFalse();
        assertThat(settings.isAllowedOrigin(null)).isFalse();
    }

    @Test
    void givenUnusableValues_from_namesTheVariableNeverTheValue() {
        assertRefused(Map.of("AUTH_CORS_ALLOWED_ORIGINS", "*"), "AUTH_CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("AUTH_CORS_ALLOWED_ORIGINS", "https://app.example.test/path"), "AUTH_CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("AUTH_CORS_ALLOWED_ORIGINS", "app.example.test"), "AUTH_CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("AUTH_CORS_ALLOWED_ORIGINS", "ftp://app.example.test"), "AUTH_CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("AUTH_COOKIE_SAMESITE", "sometimes"), "AUTH_COOKIE_SAMESITE");
        assertRefused(Map.of("AUTH_COOKIE_SECURE", "yes"), "AUTH_COOKIE_SECURE");
        assertRefused(Map.of("AUTH_TOKENS_IN_BODY", "1"), "AUTH_TOKENS_IN_BODY");
        assertRefused(Map.of("AUTH_COOKIE_DOMAIN", "bad domain;"), "AUTH_COOKIE_DOMAIN");
        assertRefused(Map.of("AUTH_LOGIN_REDIRECT_URL", "/relative"), "AUTH_LOGIN_REDIRECT_URL");
        assertRefused(Map.of("AUTH_HTTP_PORT", "70000"), "AUTH_HTTP_PORT");
        assertRefused(Map.of("AUTH_DEMO_PAGE", "maybe"), "AUTH_DEMO_PAGE");
    }
}
