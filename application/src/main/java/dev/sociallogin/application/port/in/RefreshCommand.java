package dev.sociallogin.application.port.in;

/** @param refreshToken the presented refresh token, or {@code null} when none was sent */
public record RefreshCommand(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshCommand[redacted]";
    }
}
