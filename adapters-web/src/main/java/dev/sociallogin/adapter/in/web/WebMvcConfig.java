package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.GetPublishedKeysUseCase;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Spring MVC side of the adapter, a child context of the application's: the controllers and
 * the problem mapper. The use cases come from the parent context as lazy proxies ({@code @Lazy}):
 * the server can listen while the application behind it still starts (the database migrates), and a
 * request that arrives meanwhile waits for the use case it calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
class WebMvcConfig implements WebMvcConfigurer {

    private final JsonConverter json = new JsonConverter(JsonConverter.newMapper());

    @Bean
    TokenCookies tokenCookies(WebSettings settings, Clock clock) {
        return new TokenCookies(settings, clock);
    }

    @Bean
    LoginController loginController(@Lazy LogInWithProviderUseCase logIn, @Lazy AuthorizationUrlUseCase authorizationUrl,
            @Lazy ListProvidersUseCase providers, @Lazy HostedAuthorizationUseCase hosted, WebSettings settings, TokenCookies cookies,
            ClientAddress clients) {
        return new LoginController(logIn, authorizationUrl, providers, hosted, settings, cookies, clients);
    }

    @Bean
    DemoPageController demoPageController(WebSettings settings) {
        return new DemoPageController(settings);
    }

    @Bean
    TokenController tokenController(@Lazy RefreshTokensUseCase refresh, @Lazy LogoutUseCase logout, @Lazy VerifyTokenUseCase verify,
            WebSettings settings, TokenCookies cookies) {
        return new TokenController(refresh, logout, verify, settings, cookies);
    }

    @Bean
    UserController userController(@Lazy GetCurrentUserUseCase currentUser, WebSettings settings, TokenCookies cookies) {
        return new UserController(currentUser, settings, cookies);
    }

    @Bean
    HealthController healthController(@Lazy CheckHealthUseCase health, Readiness readiness) {
        return new HealthController(health, readiness);
    }

    @Bean
    OpenApiController openApiController() {
        return new OpenApiController();
    }

    @Bean
    KeysController keysController(@Lazy GetPublishedKeysUseCase keys, WebSettings settings) {
        return new KeysController(keys, settings);
    }

    @Bean
    ProblemAdvice problemAdvice(TokenCookies cookies) {
        return new ProblemAdvice(cookies);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(json);
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        // an API that answers JSON only: an Accept header asking for HTML must not turn errors into 406s
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }
}
