package dev.sociallogin.adapter.out.kakao;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach Kakao as this app. Bootstrap builds it from the {@code KAKAO_*} environment with
 * {@link #of}; an invalid value fails start-up with a message naming the variable (never its value).
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
     * Settings from the raw environment values, as bootstrap reads them. {@code null} or blank
     * means unset: no secret, no app id, and the documented defaults for the redirect URI and the
     * two base URLs. {@code clientId} is required (bootstrap enables Kakao only when it is set).
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static KakaoSettings of(
            String clientId, String clientSecret, String appId, String redirectUri, String authBaseUrl, String apiBaseUrl) {
        return new KakaoSettings(
                blankToNull(clientId),
                blankToNull(clientSecret),
                parseAppId(blankToNull(appId)),
                parseUri(redirectUri, DEFAULT_REDIRECT_URI, "KAKAO_REDIRECT_URI"),
                parseUri(authBaseUrl, DEFAULT_AUTH_BASE_URL, "KAKAO_AUTH_BASE_URL"),
                parseUri(apiBaseUrl, DEFAULT_API_BASE_URL, "KAKAO_API_BASE_URL"),
                null,
                null);
    }

    /** Same settings with other timeouts (tests, or a bootstrap that exposes them). */
    public KakaoSettings withTimeouts(Duration connect, Duration read) {
        return new KakaoSettings(clientId, clientSecret, appId, redirectUri, authBaseUrl, apiBaseUrl, connect, read);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long parseAppId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KAKAO_APP_ID must be a positive integer");
        }
    }

    private static URI parseUri(String value, URI fallback, String variable) {
        String text = blankToNull(value);
        if (text == null) {
            return fallback;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " must be an absolute http(s) URL");
        }
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
