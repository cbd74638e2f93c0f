package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.settings.InvalidSettingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @Test
    void givenNothing_from_takesTheContractsDefaults() {
        JwtSettings settings = JwtSettings.from(name -> null);

        assertThat(settings.issuer()).isEqualTo("social-login");
        assertThat(settings.algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(settings.optionalSecret()).isEmpty();
        assertThat(settings.keyRotation()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.publishAhead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void givenSecret_from_defaultsToHs256_andAnAlgorithmMayStillBeChosen() {
        assertThat(JwtSettings.from(Map.of("AUTH_JWT_SECRET", SECRET)::get).algorithm()).isEqualTo(SigningAlgorithm.HS256);
        JwtSettings upgraded = JwtSettings.from(Map.of("AUTH_JWT_SECRET", SECRET, "AUTH_JWT_ALGORITHM", "eddsa")::get);

        assertThat(upgraded.algorithm()).isEqualTo(SigningAlgorithm.EDDSA);
        assertThat(upgraded.optionalSecret().orElseThrow().getEncoded()).hasSize(32);
    }

    @Test
    void givenEverything_from_readsEachVariable() {
        JwtSettings settings = JwtSettings.from(Map.of("AUTH_JWT_ISSUER", "https://auth.example.com", "AUTH_JWT_ALGORITHM", "RS256",
                "AUTH_JWT_KEY_ROTATION", "PT0S", "AUTH_JWT_KEY_PUBLISH_AHEAD", "PT1H", "AUTH_DATA_DIR", "/var/lib/auth")::get);

        assertThat(settings.issuer()).isEqualTo("https://auth.example.com");
        assertThat(settings.algorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(settings.keyRotation()).isZero();
        assertThat(settings.publishAhead()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/auth"));
    }

    @ParameterizedTest
    @CsvSource({
        "AUTH_JWT_SECRET, too-short-secret-value",
        "AUTH_JWT_SECRET, ' padded-secret-that-is-long-enough-but-has-blanks '",
        "AUTH_JWT_ALGORITHM, HS512-secret-value",
        "AUTH_JWT_ALGORITHM, none-secret-value",
        "AUTH_JWT_KEY_ROTATION, every-month-secret-value",
        "AUTH_JWT_KEY_ROTATION, PT30S",
        "AUTH_JWT_KEY_ROTATION, -P1D",
        "AUTH_JWT_KEY_PUBLISH_AHEAD, -PT1M",
        "AUTH_JWT_KEY_PUBLISH_AHEAD, soon-secret-value"})
    void givenBadValue_from_refusesNamingTheVariableNeverTheValue(String variable, String value) {
        Map<String, String> source = new HashMap<>();
        source.put(variable, value);

        Throwable thrown = catchThrowable(() -> JwtSettings.from(source::get));

        assertThat(thrown).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.variable()).isEqualTo(variable);
            assertThat(e.getMessage()).doesNotContain(value.strip());
        });
    }

    @Test
    void givenOverlongIssuer_from_refusesIt() {
        Throwable thrown = catchThrowable(() -> JwtSettings.from(Map.of("AUTH_JWT_ISSUER", "i".repeat(256))::get));

        assertThat(thrown).isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("AUTH_JWT_ISSUER"));
    }

    @Test
    void toString_hidesTheSecret() {
        JwtSettings settings = JwtSettings.from(Map.of("AUTH_JWT_SECRET", SECRET)::get);

        assertThat(settings.toString()).contains("hidden").doesNotContain(SECRET).doesNotContain(settings.secret().toString());
    }
}
