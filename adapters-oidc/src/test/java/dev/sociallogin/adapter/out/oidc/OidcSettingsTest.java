package dev.sociallogin.adapter.out.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.settings.InvalidSettingException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static Map<String, String> vars(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void assertRefused(String variable, Map<String, String> variables) {
        assertThatThrownBy(() -> OidcSettings.all(variables::get)).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.variable()).isEqualTo(variable);
            assertThat(e.getMessage()).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void givenNoProviders_all_isEmptyAndTheFactoryEnablesNothing() {
        assertThat(OidcSettings.all(Map.<String, String>of()::get)).isEmpty();
        assertThat(new OidcIdentityProviderFactory().create(Map.<String, String>of()::get, Clock.systemUTC())).isEmpty();
    }

    @Test
    void givenTwoProviders_all_readsEachWithTheDocumentedDefaults() {
        List<OidcSettings> all = OidcSettings.all(vars("AUTH_OIDC_PROVIDERS", "google, k2",
                "OIDC_GOOGLE_ISSUER", "https://accounts.google.com", "OIDC_GOOGLE_CLIENT_ID", "gid", "OIDC_GOOGLE_CLIENT_SECRET", "s3cr3t-value",
                "OIDC_K2_ISSUER", "http://127.0.0.1:9/realms/x", "OIDC_K2_CLIENT_ID", "kid", "OIDC_K2_SCOPES", "openid email",
                "OIDC_K2_REDIRECT_URI", "https://app.example/auth/k2/callback")::get);

        assertThat(all).hasSize(2);
        OidcSettings google = all.get(0);
        assertThat(google.name().value()).isEqualTo("google");
        assertThat(google.issuer()).isEqualTo("https://accounts.google.com");
        assertThat(google.scopes()).containsExactly("openid", "email", "profile");
        assertThat(google.redirectUri()).isEqualTo(URI.create("http://localhost:8080/auth/google/callback"));
        assertThat(google.toString()).doesNotContain("s3cr3t-value");
        OidcSettings k2 = all.get(1);
        assertThat(k2.clientSecret()).isNull();
        assertThat(k2.scopes()).containsExactly("openid", "email");
        assertThat(k2.redirectUri()).isEqualTo(URI.create("https://app.example/auth/k2/callback"));
    }

    @Test
    void givenUnusableValues_all_failsNamingTheVariable() {
        Map<String, String> ok = vars("AUTH_OIDC_PROVIDERS", "acme", "OIDC_ACME_ISSUER", "https://id.example", "OIDC_ACME_CLIENT_ID", "c");
        assertThat(OidcSettings.all(ok::get)).hasSize(1);

        for (String name : new String[] {"kakao", "naver", "dev", "Acme", "1acme", "a".repeat(21), "ac-me"}) {
            assertRefused("AUTH_OIDC_PROVIDERS", vars("AUTH_OIDC_PROVIDERS", name));
        }
        assertRefused("AUTH_OIDC_PROVIDERS", with(ok, "AUTH_OIDC_PROVIDERS", "acme,acme"));
        assertRefused("OIDC_ACME_ISSUER", vars("AUTH_OIDC_PROVIDERS", "acme", "OIDC_ACME_CLIENT_ID", "c"));
        assertRefused("OIDC_ACME_ISSUER", with(ok, "OIDC_ACME_ISSUER", "http://id.example"));
        assertRefused("OIDC_ACME_ISSUER", with(ok, "OIDC_ACME_ISSUER", "https://id.example/?tenant=1"));
        assertRefused("OIDC_ACME_ISSUER", with(ok, "OIDC_ACME_ISSUER", "not a url"));
        assertRefused("OIDC_ACME_CLIENT_ID", vars("AUTH_OIDC_PROVIDERS", "acme", "OIDC_ACME_ISSUER", "https://id.example"));
        assertRefused("OIDC_ACME_CLIENT_SECRET", with(ok, "OIDC_ACME_CLIENT_SECRET", "s3cr3t-value with space"));
        assertRefused("OIDC_ACME_SCOPES", with(ok, "OIDC_ACME_SCOPES", "email profile"));
        assertRefused("OIDC_ACME_REDIRECT_URI", with(ok, "OIDC_ACME_REDIRECT_URI", "/cb"));
    }

    @Test
    void givenIssuerThatNeverAnswers_theFactoryBuildsTheProviderWithoutWaitingForIt() throws Exception {
        // a socket that takes connections and never answers: a start-up waiting for discovery would
        // hang for the whole 5 s read timeout
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // the HTTP client's first construction loads TLS trust material, seconds on a busy machine: not what is measured here
            new OidcIdentityProvider(new OidcSettings(new dev.sociallogin.domain.model.ProviderName("warm"), "https://id.example", "c", null,
                    URI.create("https://app.example/cb"), List.of("openid"), null, null), Clock.systemUTC());
            long started = System.nanoTime();
            assertThat(new OidcIdentityProviderFactory().create(vars("AUTH_OIDC_PROVIDERS", "acme", "OIDC_ACME_ISSUER",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/realms/x", "OIDC_ACME_CLIENT_ID", "c")::get, Clock.systemUTC()))
                    .singleElement().satisfies(provider -> assertThat(provider.name().value()).isEqualTo("acme"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(4));
        }
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(name, value);
        return copy;
    }
}
