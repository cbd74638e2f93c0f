package dev.sociallogin.application.port.in;

public record PurgeResult(int refreshTokens, int deniedAccessTokens) {
}
