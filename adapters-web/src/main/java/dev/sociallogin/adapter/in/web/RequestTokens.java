package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** Where a request carries our tokens: the Authorization header (Bearer, any case) or our cookies. */
final class RequestTokens {

    /** Request attribute set when a token came from a cookie, so a 401 also deletes the cookies. */
    static final String COOKIE_AUTHENTICATED = RequestTokens.class.getName() + ".cookieAuthenticated";

    private static final String BEARER = "bearer";

    private RequestTokens() {
    }

    static boolean hasAuthorizationHeader(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
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

    /** The value of our cookie {@code name}, or {@code null} when absent or empty. */
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

    static boolean carriesTokenCookie(HttpServletRequest request) {
        return cookie(request, TokenCookies.ACCESS) != null || cookie(request, TokenCookies.REFRESH) != null;
    }

    static void markCookieAuthenticated(HttpServletRequest request) {
        request.setAttribute(COOKIE_AUTHENTICATED, Boolean.TRUE);
    }

    static boolean isCookieAuthenticated(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(COOKIE_AUTHENTICATED));
    }
}
