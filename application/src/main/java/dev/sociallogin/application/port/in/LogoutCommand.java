package dev.sociallogin.application.port.in;

import java.util.Objects;

/**
 * @param accessToken  the presented access token, or {@code null}
 * @param refreshToken the presented refresh token, or {@code null}
 */
public record LogoutCommand(LogoutScope scope, String accessToken, String refreshToken) {
    public LogoutCommand {
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "LogoutCommand[" + scope + "]";
    }
}
