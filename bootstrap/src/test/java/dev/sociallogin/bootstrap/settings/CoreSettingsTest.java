package dev.sociallogin.bootstrap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreSettingsTest {

    @Test
    void givenNothing_tokenPolicy_isTheOriginDesigns() {
        assertThat(CoreSettings.tokenPolicy(SettingsSource.of(Map.of()))).isEqualTo(TokenPolicy.DEFAULTS);
        assertThat(CoreSettings.warning(TokenPolicy.DEFAULTS)).isEmpty();
    }

    @Test
    void givenEveryVariable_tokenPolicy_readsThem() {
        TokenPolicy policy = CoreSettings.tokenPolicy(SettingsSource.of(Map.of("AUTH_ACCESS_TOKEN_TTL", "pt15m",
                "AUTH_REFRESH_TOKEN_TTL", "P1D", "AUTH_REFRESH_REUSE_GRACE", "PT0S", "AUTH_SESSION_MAX_LIFETIME", "P2D")));

        assertThat(policy).isEqualTo(new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ZERO, Duration.ofDays(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AUTH_ACCESS_TOKEN_TTL|5h",
            "AUTH_ACCESS_TOKEN_TTL|PT0.5S",
            "AUTH_REFRESH_TOKEN_TTL|7 days",
            "AUTH_REFRESH_REUSE_GRACE|-PT1S",
            "AUTH_SESSION_MAX_LIFETIME|P1M",
    })
    void givenUnusableValue_tokenPolicy_refusesNamingTheVariableButNotTheValue(String name, String value) {
        assertThatThrownBy(() -> CoreSettings.tokenPolicy(SettingsSource.of(Map.of(name, value))))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo(name);
                    assertThat(e.getMessage()).startsWith(name + ":").doesNotContain(value);
                });
    }

    @Test
    void givenRefreshTtlBeyondSessionLifetime_warning_saysRefreshTokensEndWithTheirSession() {
        TokenPolicy policy = CoreSettings.tokenPolicy(SettingsSource.of(Map.of("AUTH_REFRESH_TOKEN_TTL", "P40D")));

        assertThat(CoreSettings.warning(policy)).hasValueSatisfying(
                warning -> assertThat(warning).contains("AUTH_REFRESH_TOKEN_TTL", "AUTH_SESSION_MAX_LIFETIME"));
    }

    @Test
    void givenSystemProperty_variables_preferItOverTheEnvironmentVariable() {
        String name = "PATH";
        assertThat(Variables.fromEnvironment().apply(name)).isEqualTo(System.getenv(name));
        System.setProperty(name, "from-property");
        try {
            assertThat(Variables.fromEnvironment().apply(name)).isEqualTo("from-property");
        } finally {
            System.clearProperty(name);
        }
        assertThat(Variables.fromEnvironment().apply("AUTH_NO_SUCH_VARIABLE_XYZ")).isNull();
    }
}
