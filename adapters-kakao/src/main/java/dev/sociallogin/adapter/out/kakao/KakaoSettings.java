package dev.sociallogin.adapter.out.kakao;

import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.provider.oauth.ProviderVariables;
import dev.sociallogin.settings.InvalidSettingException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach Kakao as this app, from the {@code KAKAO_*} variables ({@link #from}); an unusable
 * value fails start-up naming the variable (never its value).
 *
 * @param clientId       the REST API key ({@code KAKAO_CLIENT_ID})
 * @param clientSecret   the client secret, or {@code null} when the app does not use one
 *                       ({@code KAKAO_CLIENT_SECRET}); sent only in the token request body
 * @param appId          Kakao's numeric app id, or {@code null}: then login with a Kakao access
 *                       token is refused, since we could not tell our tokens from another app's
 * @param redirectUri    the redirect URI registered at Kakao, used when the caller gives none
 * @param authBaseUrl    base of {@code /oauth/authorize} and {@code /oauth/token}
 * @param apiBaseUrl     base of {@code /v2/user/me} and {@code /v1/user/access_token_info}
 * @param connectTimeout TCP connect timeout; {@code null} means {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param readTimeout    socket read timeout; {@code null} means {@link #DEFAULT_READ_TIMEOUT}
 */
public record KakaoSettings(
        String clientId,
        String clientSecret,
        Long appId,
        URI redirectUri,
        URI authBaseUrl,
        URI apiBaseUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final String KAKAO_CLIENT_ID = "KAKAO_CLIENT_ID";
    public static final String KAKAO_CLIENT_SECRET = "KAKAO_CLIENT_SECRET";
    public static final String KAKAO_APP_ID = "KAKAO_APP_ID";
    public static final String KAKAO_REDIRECT_URI = "KAKAO_REDIRECT_URI";
    public static final String KAKAO_AUTH_BASE_URL = "KAKAO_AUTH_BASE_URL";
    public static final String KAKAO_API_BASE_URL = "KAKAO_API_BASE_URL";

    public static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost:8080/auth/kakao/callback");
    public static final URI DEFAULT_AUTH_BASE_URL = URI.create("https://kauth.kakao.com");
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://kapi.kakao.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = ProviderVariables.DEFAULT_CONNECT_TIMEOUT;
    public static final Duration DEFAULT_READ_TIMEOUT = ProviderVariables.DEFAULT_READ_TIMEOUT;

    public KakaoSettings {
        ProviderVariables.checkKey(clientId, KAKAO_CLIENT_ID);
        if (clientSecret != null) {
            ProviderVariables.checkKey(clientSecret, KAKAO_CLIENT_SECRET);
        }
        if (appId != null && appId <= 0) {
            throw new IllegalArgumentException("KAKAO_APP_ID must be a positive integer");
        }
        ProviderVariables.checkUrl(redirectUri, KAKAO_REDIRECT_URI, false);
        ProviderVariables.checkUrl(authBaseUrl, KAKAO_AUTH_BASE_URL, true);
        ProviderVariables.checkUrl(apiBaseUrl, KAKAO_API_BASE_URL, true);
        connectTimeout = ProviderVariables.checkTimeout(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "Kakao connect timeout");
        readTimeout = ProviderVariables.checkTimeout(readTimeout, DEFAULT_READ_TIMEOUT, "Kakao read timeout");
    }

    /** Settings with the default timeouts (connect 2 s, read 5 s). */
    public KakaoSettings(String clientId, String clientSecret, Long appId, URI redirectUri, URI authBaseUrl, URI apiBaseUrl) {
        this(clientId, clientSecret, appId, redirectUri, authBaseUrl, apiBaseUrl, null, null);
    }

    /**
     * The {@code KAKAO_*} variables of the contract, read and checked once; empty when
     * {@code KAKAO_CLIENT_ID} is unset (Kakao is then not enabled).
     *
     * @throws InvalidSettingException naming the variable whose value cannot be used (never the value)
     */
    public static Optional<KakaoSettings> from(Function<String, String> variables) {
        ProviderVariables kakao = new ProviderVariables(variables, "KAKAO", ProviderName.KAKAO);
        Optional<String> clientId = kakao.clientId();
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        Long appId = null;
        Optional<String> appIdText = kakao.source().optional(KAKAO_APP_ID);
        if (appIdText.isPresent()) {
            if (!appIdText.get().matches("[0-9]{1,18}") || Long.parseLong(appIdText.get()) <= 0) {
                throw new InvalidSettingException(KAKAO_APP_ID, "must be the numeric app id shown in Kakao Developers");
            }
            appId = Long.parseLong(appIdText.get());
        }
        return Optional.of(new KakaoSettings(clientId.get(), kakao.clientSecret().orElse(null), appId, kakao.redirectUri(),
                kakao.baseUrl("AUTH_BASE_URL", DEFAULT_AUTH_BASE_URL.toString()),
                kakao.baseUrl("API_BASE_URL", DEFAULT_API_BASE_URL.toString()), null, null));
    }

    public boolean tokenLoginEnabled() {
        return appId != null;
    }

    /** Never prints the secret, only whether there is one. */
    @Override
    public String toString() {
        return "KakaoSettings[clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "<unset>" : "<set>")
                + ", appId=" + appId
                + ", redirectUri=" + redirectUri
                + ", authBaseUrl=" + authBaseUrl
                + ", apiBaseUrl=" + apiBaseUrl
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
