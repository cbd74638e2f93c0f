package dev.sociallogin.application.port.in;

/**
 * @param accessToken  the presented access token, or {@code null}
 * @param refreshToken a refresh token to rotate silently when (and only when) the access token is
 *                     merely expired, or {@code null}
 */
public record CurrentUserQuery(String accessToken, String refreshToken) {
    @Override
    public String toString() {
        return "CurrentUserQuery[redacted]";
    }
}
