package dev.sociallogin.application.port.in;

/**
 * @param accessToken  the presented access token (Bearer header or access cookie), or {@code null}
 * @param refreshToken the refresh cookie of a browser that may be refreshed silently, or {@code
 *                     null}: a client authenticating by header manages its own tokens, and a request
 *                     another site made the browser send must not change state
 */
public record CurrentUserQuery(String accessToken, String refreshToken) {
    @Override
    public String toString() {
        return "CurrentUserQuery[redacted]";
    }
}
