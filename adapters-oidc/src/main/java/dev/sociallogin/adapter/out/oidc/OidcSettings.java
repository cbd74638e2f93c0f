package dev.sociallogin.adapter.out.oidc;

import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.provider.oauth.ProviderVariables;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One OpenID Connect provider configured by variables: {@code AUTH_OIDC_PROVIDERS} names them,
 * {@code OIDC_<NAME>_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _REDIRECT_URI} and
 * {@code _SCOPES} describe each ({@link #all}).
 *
 * @param issuer       the issuer identifier exactly as the issuer writes it ({@code iss}); https, or
 *                     http on a loopback address only (a local test issuer)
 * @param clientSecret {@code null}: a public client (PKCE still protects the code)
 * @param scopes       must include {@code openid}
 */
public record OidcSettings(ProviderName name, String issuer, String clientId, String clientSecret, URI redirectUri,
                           List<String> scopes, Duration connectTimeout, Duration readTimeout) {

    public static final String AUTH_OIDC_PROVIDERS = "AUTH_OIDC_PROVIDERS";
    /** Names other modules own: a configured provider may not take them. */
    static final Set<String> RESERVED = Set.of("kakao", "naver", "dev");

    public OidcSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        ProviderVariables.checkKey(clientId, "client id");
        scopes = List.copyOf(scopes);
        connectTimeout = ProviderVariables.checkTimeout(connectTimeout, ProviderVariables.DEFAULT_CONNECT_TIMEOUT, "OIDC connect timeout");
        readTimeout = ProviderVariables.checkTimeout(readTimeout, ProviderVariables.DEFAULT_READ_TIMEOUT, "OIDC read timeout");
    }

    /**
     * Every provider {@code AUTH_OIDC_PROVIDERS} names, each read and checked; empty when it is unset.
     *
     * @throws InvalidSettingException naming the first variable whose value cannot be used
     */
    public static List<OidcSettings> all(Function<String, String> variables) {
        SettingsSource source = new SettingsSource(variables);
        List<OidcSettings> providers = new ArrayList<>();
        for (String name : source.list(AUTH_OIDC_PROVIDERS)) {
            if (!name.matches("[a-z][a-z0-9]{0,19}") || RESERVED.contains(name)) {
                throw new InvalidSettingException(AUTH_OIDC_PROVIDERS,
                        "every name must be 1-20 lowercase letters or digits starting with a letter, and not kakao, naver or dev");
            }
            if (providers.stream().anyMatch(p -> p.name().value().equals(name))) {
                throw new InvalidSettingException(AUTH_OIDC_PROVIDERS, "names a provider twice");
            }
            providers.add(one(variables, new ProviderName(name)));
        }
        return List.copyOf(providers);
    }

    private static OidcSettings one(Function<String, String> variables, ProviderName name) {
        ProviderVariables oidc = new ProviderVariables(variables, "OIDC_" + name.value().toUpperCase(Locale.ROOT), name);
        String issuerVariable = oidc.name("ISSUER");
        URI issuer = oidc.source().optional(issuerVariable).map(value -> oidc.source().httpUrl(issuerVariable, value))
                .orElseThrow(() -> new InvalidSettingException(issuerVariable, "is required for each provider AUTH_OIDC_PROVIDERS names"));
        if (issuer.getRawQuery() != null || !("https".equalsIgnoreCase(issuer.getScheme()) || isLoopback(issuer.getHost()))) {
            throw new InvalidSettingException(issuerVariable, "must be an https URL without query (http only on a loopback address)");
        }
        String clientId = oidc.clientId().orElseThrow(() -> new InvalidSettingException(oidc.name("CLIENT_ID"),
                "is required for each provider AUTH_OIDC_PROVIDERS names"));
        List<String> scopes = oidc.scopes("openid email profile");
        if (!scopes.contains("openid")) {
            throw new InvalidSettingException(oidc.name("SCOPES"), "must include openid");
        }
        return new OidcSettings(name, oidc.source().optional(issuerVariable).orElseThrow(), clientId, oidc.clientSecret().orElse(null),
                oidc.redirectUri(), scopes, null, null);
    }

    private static boolean isLoopback(String host) {
        try {
            // literal addresses and "localhost" only: no name lookup at start-up
            return host.equals("localhost") || ((host.matches("[0-9.]+") || host.startsWith("[")) && InetAddress.getByName(host).isLoopbackAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "OidcSettings[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "<unset>" : "<set>") + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
    }
}
