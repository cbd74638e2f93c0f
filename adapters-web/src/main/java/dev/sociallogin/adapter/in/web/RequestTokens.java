package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Where a request carries our tokens: the Authorization header (Bearer, any case) or our cookies.
 * Reading a token cookie is what makes a request cookie-authenticated, so that is where the CSRF
 * rule applies: a state-changing request from another site ({@link CrossSite}) is refused the
 * moment it would use a cookie, whatever other headers (an {@code Authorization: Basic} a browser
 * adds by itself) it carries.
 */
final class RequestTokens {

    /** Request attribute set when a token came from a cookie, so a 401 also deletes the cookies. */
    static final String COOKIE_AUTHENTICATED = RequestTokens.class.getName() + ".cookieAuthenticated";

    private static final String BEARER = "bearer";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private RequestTokens() {
    }

    /** The Bearer token of the Authorization header; {@code null} without one, {@code ""} for an empty one. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        String text = header.strip();
        if (text.length() < BEARER.length() || !text.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        if (text.length() == BEARER.length()) {
            return "";
        }
        if (!Character.isWhitespace(text.charAt(BEARER.length()))) {
            return null;
        }
        return text.substring(BEARER.length()).strip();
    }

    /**
     * Our token cookie {@code name} as a credential of this request, or {@code null} when absent or
     * empty. Using it marks the request cookie-authenticated; a state-changing request from another
     * site is refused with {@code csrf_rejected} instead.
     */
    static String tokenCookie(HttpServletRequest request, String name, WebSettings settings) {
        String value = cookie(request, name);
        if (value == null) {
            return null;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && CrossSite.is(request, settings)) {
            throw new WebException(WebError.CSRF_REJECTED);
        }
        request.setAttribute(COOKIE_AUTHENTICATED, Boolean.TRUE);
        return value;
    }

    /** The value of cookie {@code name}, or {@code null} when absent or empty. */
    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static boolean isCookieAuthenticated(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(COOKIE_AUTHENTICATED));
    }
}
