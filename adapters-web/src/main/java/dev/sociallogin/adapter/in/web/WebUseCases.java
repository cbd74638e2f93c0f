package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;

import java.time.Clock;
import java.util.Objects;

/**
 * Every inbound use case the HTTP adapter drives, and the clock that turns a token's expiry into a
 * cookie's Max-Age.
 */
public record WebUseCases(
        LogInWithProviderUseCase logIn,
        AuthorizationUrlUseCase authorizationUrl,
        ListProvidersUseCase listProviders,
        RefreshTokensUseCase refreshTokens,
        LogoutUseCase logout,
        GetCurrentUserUseCase currentUser,
        VerifyTokenUseCase verifyToken,
        CheckHealthUseCase checkHealth,
        Clock clock) {

    public WebUseCases {
        Objects.requireNonNull(logIn, "logIn");
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(listProviders, "listProviders");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(currentUser, "currentUser");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(checkHealth, "checkHealth");
        Objects.requireNonNull(clock, "clock");
    }
}
