package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.service.PurgeExpiredService;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The purge use case on its own, so the {@code purge-expired} command needs only storage (no
 * signing key, no provider, no HTTP server).
 */
@Lazy
@Configuration(proxyBeanMethods = false)
public class PurgeConfiguration {

    @Bean
    PurgeExpiredUseCase purgeExpiredUseCase(RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, Clock clock) {
        return new PurgeExpiredService(refreshTokens, denylist, clock);
    }
}
