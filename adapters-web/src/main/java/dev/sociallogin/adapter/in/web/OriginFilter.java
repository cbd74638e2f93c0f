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
 * CORS: credentials for the configured origins only (the origin echoed, never a wildcard),
 * preflights answered here. The CSRF rule is applied where a token cookie is actually used
 * ({@link RequestTokens#tokenCookie}), since only then is a request cookie-authenticated.
 */
final class OriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
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
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
            // the continuation of a request this filter already saw
            chain.doFilter(request, response);
            return;
        }
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
}
