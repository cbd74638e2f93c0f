package dev.sociallogin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsSourceTest {

    @Test
    void givenBlankOrUnset_readers_giveTheFallback() {
        SettingsSource source = SettingsSource.of(Map.of("A", "  "));
        assertThat(source.optional("A")).isEmpty();
        assertThat(source.text("B", "x")).isEqualTo("x");
        assertThat(source.bool("A", true)).isTrue();
        assertThat(source.port("A", 8080)).isEqualTo(8080);
        assertThat(source.list("A")).isEmpty();
    }

    @Test
    void givenValues_readers_stripAndParse_butSecretsStayAsGiven() {
        SettingsSource source = SettingsSource.of(Map.of("T", " a ", "S", " s3cret ", "B", "FALSE", "P", "0",
                "D", "PT10S", "L", "a, ,b,", "U", "https://kauth.kakao.com", "C", "lax"));
        assertThat(source.text("T", null)).isEqualTo("a");
        assertThat(source.secret("S")).contains(" s3cret ");
        assertThat(source.bool("B", true)).isFalse();
        assertThat(source.port("P", 1)).isZero();
        assertThat(source.duration("D", "PT1S", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(source.list("L")).containsExactly("a", "b");
        assertThat(source.baseUrl("U", "http://x")).isEqualTo(URI.create("https://kauth.kakao.com"));
        assertThat(source.oneOf("C", "None", List.of("None", "Lax", "Strict"))).isEqualTo("Lax");
        assertThat(SettingsSource.of(Map.of("O", "https://a.test, http://b.test:3000")).httpUrlList("O"))
                .containsExactly(URI.create("https://a.test"), URI.create("http://b.test:3000"));
        assertRefused(() -> SettingsSource.of(Map.of("O", "https://a.test, b.test-secret")).httpUrlList("O"), "O");
    }

    @Test
    void givenUnusableValues_readers_nameTheVariable_neverTheValue() {
        SettingsSource source = SettingsSource.of(Map.of("B", "yes-secret", "P", "70000", "D", "5 hours-secret",
                "D2", "-PT1S", "U", "ftp://host-secret", "U2", "https://user:pw-secret@host", "Q", "https://h?q=1", "C", "odd-secret"));
        assertRefused(() -> source.bool("B", true), "B");
        assertRefused(() -> source.port("P", 1), "P");
        assertRefused(() -> source.duration("D", "PT1S", Duration.ZERO), "D");
        assertRefused(() -> source.duration("D2", "PT1S", Duration.ZERO), "D2");
        assertRefused(() -> source.httpUrl("U", "http://x"), "U");
        assertRefused(() -> source.httpUrl("U2", "http://x"), "U2");
        assertRefused(() -> source.baseUrl("Q", "http://x"), "Q");
        assertThat(source.httpUrl("Q", "http://x")).hasQuery("q=1");
        assertRefused(() -> source.oneOf("C", "None", List.of("None", "Lax")), "C");
    }

    private static void assertRefused(Runnable read, String variable) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo(variable);
                    assertThat(e.getMessage()).startsWith(variable + ": ").doesNotContain("secret");
                });
    }
}
