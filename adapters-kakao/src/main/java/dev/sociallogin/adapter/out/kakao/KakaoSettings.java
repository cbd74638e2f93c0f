package dev.sociallogin.adapter.out.kakao;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;

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
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public KakaoSettings {
        if (clientId == null || clientId.isBlank() || hasSpaceOrControl(clientId)) {
            throw new IllegalArgumentException("KAKAO_CLIENT_ID must be a non-blank key without spaces");
        }
        if (clientSecret != null && (clientSecret.isBlank() || hasSpaceOrControl(clientSecret))) {
            // The value is deliberately not echoed: it is a secret.
            throw new IllegalArgumentException("KAKAO_CLIENT_SECRET must be unset or a non-blank value without spaces");
        }
        if (appId != null && appId <= 0) {
            throw new IllegalArgumentException("KAKAO_APP_ID must be a positive integer");
        }
        requireAbsolute(redirectUri, "KAKAO_REDIRECT_URI", false);
        requireAbsolute(authBaseUrl, "KAKAO_AUTH_BASE_URL", true);
        requireAbsolute(apiBaseUrl, "KAKAO_API_BASE_URL", true);
        connectTimeout = checkTimeout(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect timeout");
        readTimeout = checkTimeout(readTimeout, DEFAULT_READ_TIMEOUT, "read timeout");
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
        SettingsSource source = new SettingsSource(variables);
        Optional<String> clientId = source.optional(KAKAO_CLIENT_ID);
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        Long appId = null;
        Optional<String> appIdText = source.optional(KAKAO_APP_ID);
        if (appIdText.isPresent()) {
            if (!appIdText.get().matches("[0-9]{1,18}") || Long.parseLong(appIdText.get()) <= 0) {
                throw new InvalidSettingException(KAKAO_APP_ID, "must be the numeric app id shown in Kakao Developers");
            }
            appId = Long.parseLong(appIdText.get());
        }
        if (hasSpaceOrControl(clientId.get())) {
            throw new InvalidSettingException(KAKAO_CLIENT_ID, "must be a key without spaces");
        }
        String secret = source.optional(KAKAO_CLIENT_SECRET).orElse(null);
        if (secret != null && hasSpaceOrControl(secret)) {
            throw new InvalidSettingException(KAKAO_CLIENT_SECRET, "must be unset or a value without spaces");
        }
        return Optional.of(new KakaoSettings(clientId.get(), secret, appId,
                source.httpUrl(KAKAO_REDIRECT_URI, DEFAULT_REDIRECT_URI.toString()),
                source.baseUrl(KAKAO_AUTH_BASE_URL, DEFAULT_AUTH_BASE_URL.toString()),
                source.baseUrl(KAKAO_API_BASE_URL, DEFAULT_API_BASE_URL.toString()),
                null, null));
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

    private static void requireAbsolute(URI uri, String variable, boolean base) {
        Objects.requireNonNull(uri, variable);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = (scheme.equals("http") || scheme.equals("https"))
                && uri.getHost() != null
                && uri.getRawUserInfo() == null
                && uri.getRawFragment() == null
                && (!base || uri.getRawQuery() == null);
        if (!ok) {
            throw new IllegalArgumentException(variable + " must be an absolute http(s) URL"
                    + (base ? " without query or fragment" : " without fragment"));
        }
    }

    private static Duration checkTimeout(Duration value, Duration fallback, String what) {
        Duration timeout = value == null ? fallback : value;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Kakao " + what + " must be positive and at most 5 minutes");
        }
        return timeout;
    }

    private static boolean hasSpaceOrControl(String value) {
        return value.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }
}
