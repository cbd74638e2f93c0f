package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;

import java.time.Clock;
import java.util.Objects;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Every inbound use case the HTTP adapter drives, and the clock that turns a token's expiry into a
 * cookie's Max-Age: what the application context gives the adapter, for tests to hand over in one
 * piece ({@link #context()}).
 */
record WebUseCases(
        LogInWithProviderUseCase logIn,
        AuthorizationUrlUseCase authorizationUrl,
        ListProvidersUseCase listProviders,
        RefreshTokensUseCase refreshTokens,
        LogoutUseCase logout,
        GetCurrentUserUseCase currentUser,
        VerifyTokenUseCase verifyToken,
        CheckHealthUseCase checkHealth,
        HostedAuthorizationUseCase hostedAuthorization,
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
        Objects.requireNonNull(hostedAuthorization, "hostedAuthorization");
        Objects.requireNonNull(clock, "clock");
    }

    /** An application context holding these as beans, as bootstrap's holds the real ones. */
    GenericApplicationContext context() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(LogInWithProviderUseCase.class, this::logIn);
        context.registerBean(AuthorizationUrlUseCase.class, this::authorizationUrl);
        context.registerBean(ListProvidersUseCase.class, this::listProviders);
        context.registerBean(RefreshTokensUseCase.class, this::refreshTokens);
        context.registerBean(LogoutUseCase.class, this::logout);
        context.registerBean(GetCurrentUserUseCase.class, this::currentUser);
        context.registerBean(VerifyTokenUseCase.class, this::verifyToken);
        context.registerBean(CheckHealthUseCase.class, this::checkHealth);
        context.registerBean(HostedAuthorizationUseCase.class, this::hostedAuthorization);
        context.registerBean(Clock.class, this::clock);
        context.refresh();
        return context;
    }
}
