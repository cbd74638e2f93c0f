package dev.sociallogin.bootstrap.config;

import dev.sociallogin.bootstrap.Settings;
import dev.sociallogin.domain.model.TokenPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every component reads time from, and the token lifetimes. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenPolicy tokenPolicy(Settings settings) {
        return new TokenPolicy(settings.accessTokenTtl(), settings.refreshTokenTtl(), settings.refreshReuseGrace(),
                settings.sessionMaxLifetime());
    }
}
