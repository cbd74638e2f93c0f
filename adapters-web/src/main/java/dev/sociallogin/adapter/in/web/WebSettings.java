package dev.sociallogin.adapter.in.web;

import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the HTTP adapter serves: the port, the token cookies' attributes, whether token strings
 * travel in bodies, the trusted browser origins and the server's limits. {@link #from} reads and
 * checks the contract's variables; the constructor takes values already checked (tests build it
 * directly).
 *
 * @param port               TCP port on every interface; 0 picks a free one (tests), read it back with {@link WebServer#port()}
 * @param cookieSecure       the Secure attribute of the token and state cookies
 * @param cookieSameSite     SameSite of the token cookies: {@code None}, {@code Lax} or {@code Strict}
 * @param cookieDomain       the Domain attribute of the token cookies, or {@code null} for host-only cookies
 * @param tokensInBody       {@code false}: token strings travel only in HttpOnly cookies, never in a body
 * @param corsAllowedOrigins origins ({@code scheme://host[:port]}, lower case) allowed to call with
 *                           credentials; also trusted for cookie-authenticated POSTs
 * @param loginRedirectUrl   where the browser callback redirects after a login (cookies set), or {@code null} to answer JSON
 * @param maxBodyBytes       the largest request body accepted; larger answers 413
 * @param shutdownGrace      how long {@link WebServer#close()} lets in-flight requests finish
 * @param bodyReadTimeout    how long a request may take to send its whole body; slower ones answer 408
 * @param publicUrl          the service's public base URL ({@code https://auth.example.com}) used in discovery
 *                           metadata, or {@code null}: taken from each request's scheme and Host
 * @param demoPage           whether {@code GET /} serves the demo page ({@code AUTH_DEMO_PAGE})
 */
public record WebSettings(
        int port,
        boolean cookieSecure,
        String cookieSameSite,
        String cookieDomain,
        boolean tokensInBody,
        List<String> corsAllowedOrigins,
        String loginRedirectUrl,
        int maxBodyBytes,
        Duration shutdownGrace,
        Duration bodyReadTimeout,
        String publicUrl,
        boolean demoPage) {

    public static final String AUTH_HTTP_PORT = "AUTH_HTTP_PORT";
    public static final String AUTH_COOKIE_SECURE = "AUTH_COOKIE_SECURE";
    public static final String AUTH_COOKIE_SAMESITE = "AUTH_COOKIE_SAMESITE";
    public static final String AUTH_COOKIE_DOMAIN = "AUTH_COOKIE_DOMAIN";
    public static final String AUTH_TOKENS_IN_BODY = "AUTH_TOKENS_IN_BODY";
    public static final String AUTH_CORS_ALLOWED_ORIGINS = "AUTH_CORS_ALLOWED_ORIGINS";
    public static final String AUTH_LOGIN_REDIRECT_URL = "AUTH_LOGIN_REDIRECT_URL";
    public static final String AUTH_PUBLIC_URL = "AUTH_PUBLIC_URL";
    public static final String AUTH_DEMO_PAGE = "AUTH_DEMO_PAGE";

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);
    static final List<String> SAME_SITE = List.of("None", "Lax", "Strict");
    private static final Pattern DOMAIN = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (!SAME_SITE.contains(cookieSameSite)) {
            throw new IllegalArgumentException("cookie SameSite must be None, Lax or Strict");
        }
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
    }

    /** With the demo page served. */
    public WebSettings(int port, boolean cookieSecure, String cookieSameSite, String cookieDomain, boolean tokensInBody,
                       List<String> corsAllowedOrigins, String loginRedirectUrl, int maxBodyBytes, Duration shutdownGrace,
                       Duration bodyReadTimeout, String publicUrl) {
        this(port, cookieSecure, cookieSameSite, cookieDomain, tokensInBody, corsAllowedOrigins, loginRedirectUrl, maxBodyBytes,
                shutdownGrace, bodyReadTimeout, publicUrl, true);
    }

    /** With the default body read timeout and no public URL. */
    public WebSettings(int port, boolean cookieSecure, String cookieSameSite, String cookieDomain, boolean tokensInBody,
                       List<String> corsAllowedOrigins, String loginRedirectUrl, int maxBodyBytes, Duration shutdownGrace) {
        this(port, cookieSecure, cookieSameSite, cookieDomain, tokensInBody, corsAllowedOrigins, loginRedirectUrl, maxBodyBytes,
                shutdownGrace, DEFAULT_BODY_READ_TIMEOUT);
    }

    /** With no public URL. */
    public WebSettings(int port, boolean cookieSecure, String cookieSameSite, String cookieDomain, boolean tokensInBody,
                       List<String> corsAllowedOrigins, String loginRedirectUrl, int maxBodyBytes, Duration shutdownGrace,
                       Duration bodyReadTimeout) {
        this(port, cookieSecure, cookieSameSite, cookieDomain, tokensInBody, corsAllowedOrigins, loginRedirectUrl, maxBodyBytes,
                shutdownGrace, bodyReadTimeout, null);
    }

    /**
     * The contract's variables ({@code AUTH_HTTP_PORT}, {@code AUTH_COOKIE_*}, {@code AUTH_TOKENS_IN_BODY},
     * {@code AUTH_CORS_ALLOWED_ORIGINS}, {@code AUTH_LOGIN_REDIRECT_URL}, {@code AUTH_PUBLIC_URL},
     * {@code AUTH_DEMO_PAGE}), read and checked once.
     *
     * @throws InvalidSettingException naming the first variable whose value cannot be used
     */
    public static WebSettings from(Function<String, String> variables) {
        SettingsSource source = new SettingsSource(variables);
        String domain = source.optional(AUTH_COOKIE_DOMAIN).orElse(null);
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw new InvalidSettingException(AUTH_COOKIE_DOMAIN, "not a domain name");
        }
        return new WebSettings(
                source.port(AUTH_HTTP_PORT, DEFAULT_PORT),
                source.bool(AUTH_COOKIE_SECURE, true),
                source.oneOf(AUTH_COOKIE_SAMESITE, "None", SAME_SITE),
                domain,
                source.bool(AUTH_TOKENS_IN_BODY, true),
                origins(source),
                source.optionalHttpUrl(AUTH_LOGIN_REDIRECT_URL).map(URI::toString).orElse(null),
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_SHUTDOWN_GRACE,
                DEFAULT_BODY_READ_TIMEOUT,
                publicUrl(source),
                source.bool(AUTH_DEMO_PAGE, true));
    }

    private static String publicUrl(SettingsSource source) {
        return source.optional(AUTH_PUBLIC_URL).map(url -> {
            URI uri = source.baseUrl(AUTH_PUBLIC_URL, url);
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }).orElse(null);
    }

    /** The contract's defaults on {@code port}: Secure, SameSite=None, tokens in bodies, no trusted origin. */
    public static WebSettings defaults(int port) {
        return new WebSettings(port, true, "None", null, true, List.of(), null, DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_GRACE);
    }

    /** Whether {@code origin} (as a browser sends it) is one of the configured ones. */
    public boolean isAllowedOrigin(String origin) {
        return origin != null && corsAllowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static List<String> origins(SettingsSource source) {
        List<String> origins = new ArrayList<>();
        if (source.list(AUTH_CORS_ALLOWED_ORIGINS).contains("*")) {
            throw new InvalidSettingException(AUTH_CORS_ALLOWED_ORIGINS, "a wildcard cannot be allowed with credentials; list the origins");
        }
        for (URI uri : source.httpUrlList(AUTH_CORS_ALLOWED_ORIGINS)) {
            String path = uri.getRawPath();
            if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null) {
                throw new InvalidSettingException(AUTH_CORS_ALLOWED_ORIGINS, "every entry must be an origin such as https://app.example.com");
            }
            String text = uri.toString();
            String normalized = (text.endsWith("/") ? text.substring(0, text.length() - 1) : text).toLowerCase(Locale.ROOT);
            if (!origins.contains(normalized)) {
                origins.add(normalized);
            }
        }
        return origins;
    }
}
