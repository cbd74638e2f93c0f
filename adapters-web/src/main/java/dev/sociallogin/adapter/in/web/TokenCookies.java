package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.model.IssuedToken;
import dev.sociallogin.domain.model.TokenPair;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The HttpOnly cookies of the API: {@code accessToken} and {@code refreshToken} (Secure, SameSite
 * and Domain as configured, Max-Age = the token's remaining lifetime) and the short-lived
 * {@code oauthState} that binds an authorize to the browser that started it (it holds the login
 * flow the application sealed).
 */
final class TokenCookies {

    static final String ACCESS = "accessToken";
    static final String REFRESH = "refreshToken";
    static final String STATE = "oauthState";

    private final WebSettings settings;
    private final Clock clock;

    TokenCookies(WebSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void set(HttpServletResponse response, TokenPair tokens) {
        Instant now = clock.instant();
        add(response, tokenCookie(ACCESS, tokens.access().value(), remaining(tokens.access(), now)));
        add(response, tokenCookie(REFRESH, tokens.refresh().value(), remaining(tokens.refresh(), now)));
    }

    /** Max-Age=0 with the very attributes the cookies were set with, so the browser matches and drops them. */
    void delete(HttpServletResponse response) {
        add(response, tokenCookie(ACCESS, "", 0));
        add(response, tokenCookie(REFRESH, "", 0));
    }

    /** The sealed login flow, for as long as the flow lives. */
    void setState(HttpServletResponse response, String flowCookie, Duration lifetime) {
        add(response, stateCookie(flowCookie, lifetime.toSeconds()));
    }

    void deleteState(HttpServletResponse response) {
        add(response, stateCookie("", 0));
    }

    private ResponseCookie tokenCookie(String name, String value, long maxAgeSeconds) {
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(settings.cookieSecure())
                .sameSite(settings.cookieSameSite())
                .path("/")
                .maxAge(maxAgeSeconds);
        if (settings.cookieDomain() != null) {
            builder.domain(settings.cookieDomain());
        }
        return builder.build();
    }

    // Lax, whatever the token cookies say: the provider sends the browser back with a top-level
    // GET from its own site, which a Strict cookie would not survive.
    private ResponseCookie stateCookie(String value, long maxAgeSeconds) {
        return ResponseCookie.from(STATE, value)
                .httpOnly(true)
                .secure(settings.cookieSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAgeSeconds)
                .build();
    }

    private static long remaining(IssuedToken token, Instant now) {
        return Math.max(0, Duration.between(now, token.claims().expiresAt()).getSeconds());
    }

    private static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
