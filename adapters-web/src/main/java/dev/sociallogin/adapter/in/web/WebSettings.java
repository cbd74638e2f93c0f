package dev.sociallogin.adapter.in.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the HTTP adapter serves: the port, the token cookies' attributes, whether token strings
 * travel in bodies, the trusted browser origins and the server's limits.
 *
 * @param port               TCP port on every interface; 0 picks a free one (tests), read it back with {@link WebServer#port()}
 * @param cookieSecure       the Secure attribute of the token and state cookies
 * @param cookieSameSite     SameSite of the token cookies: {@code None}, {@code Lax} or {@code Strict} (any case)
 * @param cookieDomain       the Domain attribute of the token cookies, or {@code null} for host-only cookies
 * @param tokensInBody       {@code false}: token strings travel only in HttpOnly cookies, never in a body
 * @param corsAllowedOrigins origins allowed to call with credentials; also trusted for cookie-authenticated POSTs
 * @param loginRedirectUrl   where the browser callback redirects after a login (cookies set), or {@code null} to answer JSON
 * @param maxBodyBytes       the largest request body accepted; larger answers 413
 * @param shutdownGrace      how long {@link WebServer#close()} lets in-flight requests finish
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
        Duration shutdownGrace) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        cookieSameSite = normalizeSameSite(cookieSameSite);
        if (cookieDomain != null) {
            cookieDomain = cookieDomain.strip();
            if (cookieDomain.isEmpty() || !cookieDomain.matches("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("cookie domain must be a host name");
            }
        }
        corsAllowedOrigins = normalizeOrigins(corsAllowedOrigins);
        if (loginRedirectUrl != null) {
            loginRedirectUrl = loginRedirectUrl.strip();
            requireHttpUrl(loginRedirectUrl);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }

    /** The contract's defaults on {@code port}: Secure, SameSite=None, tokens in bodies, no trusted origin. */
    public static WebSettings defaults(int port) {
        return new WebSettings(port, true, "None", null, true, List.of(), null, DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_GRACE);
    }

    /** Whether {@code origin} (as a browser sends it) is one of the configured ones. */
    public boolean isAllowedOrigin(String origin) {
        return origin != null && corsAllowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static String normalizeSameSite(String value) {
        if (value == null) {
            throw new IllegalArgumentException("cookie SameSite must be None, Lax or Strict");
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none":
                return "None";
            case "lax":
                return "Lax";
            case "strict":
                return "Strict";
            default:
                throw new IllegalArgumentException("cookie SameSite must be None, Lax or Strict");
        }
    }

    private static List<String> normalizeOrigins(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        List<String> normalized = new ArrayList<>();
        for (String origin : origins) {
            if (origin == null || origin.isBlank()) {
                continue;
            }
            String text = origin.strip().toLowerCase(Locale.ROOT);
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.equals("*")) {
                // credentials are never allowed for any origin
                throw new IllegalArgumentException("a wildcard origin cannot be allowed with credentials");
            }
            URI uri = requireHttpUrl(text);
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("an allowed origin is scheme://host[:port] only");
            }
            if (!normalized.contains(text)) {
                normalized.add(text);
            }
        }
        return List.copyOf(normalized);
    }

    private static URI requireHttpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text, e);
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + text);
        }
        return uri;
    }
}
