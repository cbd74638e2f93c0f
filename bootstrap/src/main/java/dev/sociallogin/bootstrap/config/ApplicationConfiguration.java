package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.GetPublishedKeysUseCase;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.RotateKeysUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.application.service.AuthCore;
import dev.sociallogin.application.service.AuthorizationUrlService;
import dev.sociallogin.application.service.CheckHealthService;
import dev.sociallogin.application.service.GetCurrentUserService;
import dev.sociallogin.application.service.GetPublishedKeysService;
import dev.sociallogin.application.service.HostedAuthorizationService;
import dev.sociallogin.application.service.ListProvidersService;
import dev.sociallogin.application.service.LogInWithProviderService;
import dev.sociallogin.application.service.LoginFlows;
import dev.sociallogin.application.service.LogoutService;
import dev.sociallogin.application.service.RefreshTokensService;
import dev.sociallogin.application.service.RotateKeysService;
import dev.sociallogin.application.service.VerifyTokenService;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.AuthOutcomes;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.SigningKeys;
import dev.sociallogin.domain.port.out.StorageHealth;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The use cases on the ports the adapter configurations registered. Lazy: they are built once the
 * background beans they stand on are ready ({@code Service} asks for them then); the HTTP server,
 * started meanwhile, reaches them through lazy proxies.
 */
@Lazy
@Configuration(proxyBeanMethods = false)
public class ApplicationConfiguration {

    @Bean
    AuthCore authCore(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, TokenCodec codec,
            TokenPolicy policy, Clock clock, AuthOutcomes outcomes) {
        return new AuthCore(users, refreshTokens, denylist, codec, policy, clock, outcomes);
    }

    @Bean
    RefreshTokensService refreshTokensService(AuthCore core) {
        return new RefreshTokensService(core);
    }

    /** One for the three use cases: it remembers which flows were used. */
    @Bean
    LoginFlows loginFlows(LoginFlowCodec codec, Clock clock) {
        return new LoginFlows(codec, clock);
    }

    @Bean
    LogInWithProviderUseCase logInWithProviderUseCase(IdentityProviders providers, AuthCore core, LoginFlows flows) {
        return new LogInWithProviderService(providers, core, flows);
    }

    @Bean
    AuthorizationUrlUseCase authorizationUrlUseCase(IdentityProviders providers, LoginFlows flows) {
        return new AuthorizationUrlService(providers, flows);
    }

    @Bean
    HostedAuthorizationUseCase hostedAuthorizationUseCase(IdentityProviders providers, LoginFlows flows) {
        return new HostedAuthorizationService(providers, flows);
    }

    @Bean
    ListProvidersUseCase listProvidersUseCase(IdentityProviders providers) {
        return new ListProvidersService(providers);
    }

    @Bean
    LogoutUseCase logoutUseCase(AuthCore core) {
        return new LogoutService(core);
    }

    @Bean
    GetCurrentUserUseCase getCurrentUserUseCase(AuthCore core, RefreshTokensUseCase refresh) {
        return new GetCurrentUserService(core, refresh);
    }

    @Bean
    VerifyTokenUseCase verifyTokenUseCase(AuthCore core) {
        return new VerifyTokenService(core);
    }

    @Bean
    CheckHealthUseCase checkHealthUseCase(StorageHealth storage) {
        return new CheckHealthService(storage);
    }

    @Bean
    GetPublishedKeysUseCase getPublishedKeysUseCase(SigningKeys keys) {
        return new GetPublishedKeysService(keys);
    }

    @Bean
    RotateKeysUseCase rotateKeysUseCase(SigningKeys keys) {
        return new RotateKeysService(keys);
    }
}
