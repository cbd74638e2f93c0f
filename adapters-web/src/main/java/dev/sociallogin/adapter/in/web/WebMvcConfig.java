package dev.sociallogin.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Spring MVC side of the adapter: the controllers and the problem mapper, built from the
 * settings, use cases and JSON converter that {@link WebServer} registers as singletons.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
final class WebMvcConfig implements WebMvcConfigurer {

    private final JsonConverter json;

    WebMvcConfig(JsonConverter json) {
        this.json = json;
    }

    @Bean
    TokenCookies tokenCookies(WebSettings settings, WebUseCases useCases) {
        return new TokenCookies(settings, useCases.clock());
    }

    @Bean
    AuthController authController(WebUseCases useCases, WebSettings settings, TokenCookies cookies) {
        return new AuthController(useCases, settings, cookies);
    }

    @Bean
    UserController userController(WebUseCases useCases, TokenCookies cookies) {
        return new UserController(useCases, cookies);
    }

    @Bean
    HealthController healthController(WebUseCases useCases) {
        return new HealthController(useCases);
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
