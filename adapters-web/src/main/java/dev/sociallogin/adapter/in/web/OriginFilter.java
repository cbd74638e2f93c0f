package dev.sociallogin.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin rules. CORS with credentials for the configured origins only (the origin echoed,
 * never a wildcard), preflights answered here. CSRF: a state-changing request that carries our
 * token cookie and no Authorization header is cookie-authenticated; it is refused when its Origin
 * is present and neither trusted nor our own, or when it says {@code Sec-Fetch-Site: cross-site}
 * without a trusted Origin.
 */
final class OriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> CORS_METHODS = Set.of("GET", "HEAD", "POST");
    private static final Set<String> CORS_HEADERS =
            Set.of("authorization", "content-type", "accept", "accept-language", "content-language", "x-requested-with");
    private static final String PREFLIGHT_MAX_AGE = "600";

    private final transient WebSettings settings;
    private final transient ProblemWriter problems;

    OriginFilter(WebSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean trusted = settings.isAllowedOrigin(origin);
        response.addHeader("Vary", "Origin");
        if (isPreflight(request, origin)) {
            preflight(request, response, origin, trusted);
            return;
        }
        if (trusted) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
        if (isCrossSiteCookieRequest(request, origin, trusted)) {
            problems.write(response, WebError.CSRF_REJECTED);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPreflight(HttpServletRequest request, String origin) {
        return "OPTIONS".equals(request.getMethod()) && origin != null && request.getHeader("Access-Control-Request-Method") != null;
    }

    private void preflight(HttpServletRequest request, HttpServletResponse response, String origin, boolean trusted) throws IOException {
        response.addHeader("Vary", "Access-Control-Request-Method");
        response.addHeader("Vary", "Access-Control-Request-Headers");
        String method = request.getHeader("Access-Control-Request-Method").strip();
        List<String> headers = requestedHeaders(request.getHeader("Access-Control-Request-Headers"));
        if (!trusted || !CORS_METHODS.contains(method) || !CORS_HEADERS.containsAll(headers)) {
            problems.write(response, WebError.CORS_REJECTED);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.setHeader("Access-Control-Allow-Methods", "GET, POST");
        if (!headers.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        response.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static List<String> requestedHeaders(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        for (String part : header.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private boolean isCrossSiteCookieRequest(HttpServletRequest request, String origin, boolean trusted) {
        if (SAFE_METHODS.contains(request.getMethod())
                || RequestTokens.hasAuthorizationHeader(request)
                || !RequestTokens.carriesTokenCookie(request)) {
            return false;
        }
        boolean foreignOrigin = origin != null && !trusted && !isOwnOrigin(request, origin);
        boolean crossSite = "cross-site".equalsIgnoreCase(strip(request.getHeader("Sec-Fetch-Site"))) && !trusted;
        return foreignOrigin || crossSite;
    }

    /** Whether {@code origin} is scheme://host[:port] of this very request. */
    static boolean isOwnOrigin(HttpServletRequest request, String origin) {
        return normalizeOrigin(origin).equals(ownOrigin(request));
    }

    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        return scheme + "://" + host + (isDefaultPort(scheme, port) ? "" : ":" + port);
    }

    private static String normalizeOrigin(String origin) {
        String text = origin.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("http://") && text.endsWith(":80")) {
            return text.substring(0, text.length() - 3);
        }
        if (text.startsWith("https://") && text.endsWith(":443")) {
            return text.substring(0, text.length() - 4);
        }
        return text;
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
