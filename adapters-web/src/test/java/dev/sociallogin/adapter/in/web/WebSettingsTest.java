package dev.sociallogin.adapter.in.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSettingsTest {

    private static WebSettings withOrigins(String... origins) {
        return new WebSettings(0, true, "None", null, true, Arrays.asList(origins), null, 1024, Duration.ofSeconds(1));
    }

    @Test
    void givenWildcardOrigin_isRefused() {
        assertThatThrownBy(() -> withOrigins("*")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
    }

    @Test
    void origins_areNormalizedAndMatchedCaseInsensitively() {
        WebSettings settings = withOrigins(" https://App.Example.test/ ", "", "http://localhost:3000");
        assertThat(settings.corsAllowedOrigins()).containsExactly("https://app.example.test", "http://localhost:3000");
        assertThat(settings.isAllowedOrigin("https://app.example.test")).isTrue();
        assertThat(settings.isAllowedOrigin("https://APP.example.test")).isTrue();
        assertThat(settings.isAllowedOrigin("https://app.example.test.evil.test")).isFalse();
        assertThat(settings.isAllowedOrigin("null")).isFalse();
        assertThat(settings.isAllowedOrigin(null)).isFalse();
    }

    @Test
    void givenOriginWithPathOrNoScheme_isRefused() {
        assertThatThrownBy(() -> withOrigins("https://app.example.test/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withOrigins("app.example.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withOrigins("ftp://app.example.test")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSite_isNormalizedAndChecked() {
        assertThat(new WebSettings(0, true, "strict", null, true, List.of(), null, 1, Duration.ZERO).cookieSameSite()).isEqualTo("Strict");
        assertThat(new WebSettings(0, true, " LAX ", null, true, List.of(), null, 1, Duration.ZERO).cookieSameSite()).isEqualTo("Lax");
        assertThatThrownBy(() -> new WebSettings(0, true, "sometimes", null, true, List.of(), null, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loginRedirectUrlAndDomain_areChecked() {
        assertThatThrownBy(() -> new WebSettings(0, true, "Lax", null, true, List.of(), "/relative", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebSettings(0, true, "Lax", "bad domain;", true, List.of(), null, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebSettings(0, true, "Lax", ".example.test", true, List.of(), "https://x.test/done", 1, Duration.ZERO)
                .cookieDomain()).isEqualTo(".example.test");
    }

    @Test
    void defaults_followTheContract() {
        WebSettings defaults = WebSettings.defaults(8080);
        assertThat(defaults.cookieSecure()).isTrue();
        assertThat(defaults.cookieSameSite()).isEqualTo("None");
        assertThat(defaults.tokensInBody()).isTrue();
        assertThat(defaults.maxBodyBytes()).isEqualTo(16 * 1024);
        assertThat(defaults.corsAllowedOrigins()).isEmpty();
    }
}
