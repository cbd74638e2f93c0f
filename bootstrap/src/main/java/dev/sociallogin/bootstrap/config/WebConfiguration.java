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
import dev.sociallogin.bootstrap.settings.ConfigurationException;
import dev.sociallogin.bootstrap.settings.Settings;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP server: started first, serving once the rest is up; closed gracefully first. */
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
    WebGate webGate() {
        return new WebGate();
    }

    /**
     * The server starts at once, before the database and the other adapters are ready, on use cases
     * that wait for the real ones ({@link WebGate}); {@code ServiceContexts} opens the gate when the
     * context has started. Closed explicitly first on shutdown (in-flight requests drain, then the
     * scheduler stops and the pool closes).
     */
    @Bean(destroyMethod = "close")
    GatedWebServer webServer(WebSettings webSettings, WebGate gate, Clock clock, Settings settings) {
        WebUseCases deferred = new WebUseCases(
                gate.deferred(LogInWithProviderUseCase.class, WebUseCases::logIn),
                gate.deferred(AuthorizationUrlUseCase.class, WebUseCases::authorizationUrl),
                gate.deferred(ListProvidersUseCase.class, WebUseCases::listProviders),
                gate.deferred(RefreshTokensUseCase.class, WebUseCases::refreshTokens),
                gate.deferred(LogoutUseCase.class, WebUseCases::logout),
                gate.deferred(GetCurrentUserUseCase.class, WebUseCases::currentUser),
                gate.deferred(VerifyTokenUseCase.class, WebUseCases::verifyToken),
                gate.deferred(CheckHealthUseCase.class, WebUseCases::checkHealth),
                clock);
        try {
            return new GatedWebServer(new WebServer(webSettings, deferred).start(), gate);
        } catch (IllegalStateException e) {
            throw new ConfigurationException(Settings.AUTH_HTTP_PORT, "cannot listen on port " + settings.httpPort()
                    + " (in use, or not allowed)", e);
        }
    }
}
