package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.application.service.AuthorizationUrlService;
import dev.sociallogin.application.service.CheckHealthService;
import dev.sociallogin.application.service.GetCurrentUserService;
import dev.sociallogin.application.service.ListProvidersService;
import dev.sociallogin.application.service.LogInWithProviderService;
import dev.sociallogin.application.service.LogoutService;
import dev.sociallogin.application.service.RefreshTokensService;
import dev.sociallogin.application.service.VerifyTokenService;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.StorageHealth;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, on whatever ports the adapter configurations registered. */
@Configuration(proxyBeanMethods = false)
public class ApplicationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApplicationConfiguration.class);

    /** Every registered provider (possibly none: the service then answers unknown_provider). */
    @Bean
    IdentityProviders identityProviders(ObjectProvider<IdentityProvider> providers) {
        IdentityProviders registry = new IdentityProviders(providers.orderedStream().collect(Collectors.toList()));
        if (registry.names().isEmpty()) {
            log.warn("No identity provider enabled: set KAKAO_CLIENT_ID to enable Kakao login");
        } else {
            log.info("Identity providers enabled: {}", registry.names());
        }
        return registry;
    }

    @Bean
    RefreshTokensService refreshTokensService(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist,
            TokenCodec codec, TokenPolicy policy, Clock clock) {
        return new RefreshTokensService(users, refreshTokens, denylist, codec, policy, clock);
    }

    @Bean
    LogInWithProviderUseCase logInWithProviderUseCase(IdentityProviders providers, UserRepository users, RefreshTokenStore refreshTokens,
            TokenCodec codec, TokenPolicy policy, Clock clock) {
        return new LogInWithProviderService(providers, users, refreshTokens, codec, policy, clock);
    }

    @Bean
    AuthorizationUrlUseCase authorizationUrlUseCase(IdentityProviders providers) {
        return new AuthorizationUrlService(providers);
    }

    @Bean
    ListProvidersUseCase listProvidersUseCase(IdentityProviders providers) {
        return new ListProvidersService(providers);
    }

    @Bean
    LogoutUseCase logoutUseCase(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, TokenCodec codec,
            TokenPolicy policy, Clock clock) {
        return new LogoutService(users, refreshTokens, denylist, codec, policy, clock);
    }

    @Bean
    GetCurrentUserUseCase getCurrentUserUseCase(UserRepository users, AccessTokenDenylist denylist, TokenCodec codec,
            RefreshTokensUseCase refresh) {
        return new GetCurrentUserService(users, denylist, codec, refresh);
    }

    @Bean
    VerifyTokenUseCase verifyTokenUseCase(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist,
            TokenCodec codec, TokenPolicy policy, Clock clock) {
        return new VerifyTokenService(users, refreshTokens, denylist, codec, policy, clock);
    }

    @Bean
    CheckHealthUseCase checkHealthUseCase(StorageHealth storage) {
        return new CheckHealthService(storage);
    }
}
