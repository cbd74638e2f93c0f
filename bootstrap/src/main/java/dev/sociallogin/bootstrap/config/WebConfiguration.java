package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.in.web.WebServer;
import dev.sociallogin.adapter.in.web.WebSettings;
import dev.sociallogin.adapter.in.web.WebUseCases;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.bootstrap.ConfigurationException;
import dev.sociallogin.bootstrap.Settings;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The HTTP server, started when the context refreshes and closed gracefully first when it closes. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    WebSettings webSettings(Settings settings) {
        try {
            return new WebSettings(settings.httpPort(), settings.cookieSecure(), settings.cookieSameSite().attribute(),
                    settings.cookieDomain().orElse(null), settings.tokensInBody(), settings.corsAllowedOrigins(),
                    settings.loginRedirectUrl().map(URI::toString).orElse(null), WebSettings.DEFAULT_MAX_BODY_BYTES,
                    WebSettings.DEFAULT_SHUTDOWN_GRACE);
        } catch (IllegalArgumentException e) {
            // Settings checked every value already; this only fires if the web adapter grows stricter
            throw new ConfigurationException("AUTH_COOKIE_*/AUTH_CORS_ALLOWED_ORIGINS/AUTH_LOGIN_REDIRECT_URL", "refused by the HTTP adapter");
        }
    }

    @Bean
    WebUseCases webUseCases(LogInWithProviderUseCase logIn, AuthorizationUrlUseCase authorizationUrl, ListProvidersUseCase listProviders,
            RefreshTokensUseCase refreshTokens, LogoutUseCase logout, GetCurrentUserUseCase currentUser, VerifyTokenUseCase verifyToken,
            CheckHealthUseCase checkHealth, Clock clock) {
        return new WebUseCases(logIn, authorizationUrl, listProviders, refreshTokens, logout, currentUser, verifyToken, checkHealth, clock);
    }

    /**
     * Destroyed before the beans it depends on (and, through {@code DependsOn}, before the purge
     * scheduler): on shutdown the server drains in-flight requests first, then the scheduler stops,
     * then the database pool closes.
     */
    @Bean(destroyMethod = "close")
    @DependsOn(SchedulingConfiguration.PURGE_SCHEDULER)
    WebServer webServer(WebSettings webSettings, WebUseCases useCases, Settings settings) {
        try {
            return new WebServer(webSettings, useCases).start();
        } catch (IllegalStateException e) {
            throw new ConfigurationException(Settings.AUTH_HTTP_PORT, "cannot listen on port " + settings.httpPort()
                    + " (in use, or not allowed)", e);
        }
    }
}
