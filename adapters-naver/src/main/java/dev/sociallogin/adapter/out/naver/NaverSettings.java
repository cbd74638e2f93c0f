package dev.sociallogin.adapter.out.naver;

import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.provider.oauth.ProviderVariables;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach Naver as this app, from the {@code NAVER_*} variables ({@link #from}).
 *
 * @param clientSecret required: Naver's token endpoint always wants it
 * @param authBaseUrl  base of {@code /oauth2.0/authorize} and {@code /oauth2.0/token}
 * @param apiBaseUrl   base of {@code /v1/nid/me}
 */
public record NaverSettings(String clientId, String clientSecret, URI redirectUri, URI authBaseUrl, URI apiBaseUrl,
                            Duration connectTimeout, Duration readTimeout) {

    static final ProviderName NAVER = new ProviderName("naver");

    public NaverSettings {
        ProviderVariables.checkKey(clientId, "NAVER_CLIENT_ID");
        ProviderVariables.checkKey(clientSecret, "NAVER_CLIENT_SECRET");
        ProviderVariables.checkUrl(redirectUri, "NAVER_REDIRECT_URI", false);
        ProviderVariables.checkUrl(authBaseUrl, "NAVER_AUTH_BASE_URL", true);
        ProviderVariables.checkUrl(apiBaseUrl, "NAVER_API_BASE_URL", true);
        connectTimeout = ProviderVariables.checkTimeout(connectTimeout, ProviderVariables.DEFAULT_CONNECT_TIMEOUT, "Naver connect timeout");
        readTimeout = ProviderVariables.checkTimeout(readTimeout, ProviderVariables.DEFAULT_READ_TIMEOUT, "Naver read timeout");
    }

    /** The contract's {@code NAVER_*} variables; empty when {@code NAVER_CLIENT_ID} is unset (Naver is then off). */
    public static Optional<NaverSettings> from(Function<String, String> variables) {
        ProviderVariables naver = ProviderVariables.of(variables, NAVER);
        return naver.clientId().map(clientId -> new NaverSettings(clientId, naver.requiredClientSecret(), naver.redirectUri(),
                naver.baseUrl("AUTH_BASE_URL", "https://nid.naver.com"), naver.baseUrl("API_BASE_URL", "https://openapi.naver.com"),
                null, null));
    }

    @Override
    public String toString() {
        return "NaverSettings[clientId=" + clientId + ", clientSecret=<set>, redirectUri=" + redirectUri + ", authBaseUrl="
                + authBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
