package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.adapter.out.jwt.JwtTokens;
import dev.sociallogin.adapter.out.persistence.Persistence;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import dev.sociallogin.domain.port.out.SigningKeys;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The token adapter: its key ring lives in the database (shared by every instance on it), so it
 * opens once the database is ready; lazy, like the use cases that stand on it. Closed before the
 * database (it depends on it): the ring's maintenance thread stops first. It also seals the
 * browser's login flow for the {@code oauthState} cookie, keyed like refresh tokens.
 */
@Lazy
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean(destroyMethod = "close")
    JwtTokens jwtTokens(JwtSettings settings, TokenPolicy policy, Persistence persistence, Clock clock) {
        return JwtTokens.open(settings, policy, persistence.signingKeys(), clock);
    }

    @Bean
    TokenCodec tokenCodec(JwtTokens tokens) {
        return tokens.codec();
    }

    @Bean
    SigningKeys signingKeys(JwtTokens tokens) {
        return tokens.signingKeys();
    }

    @Bean
    LoginFlowCodec loginFlowCodec(JwtTokens tokens) {
        return tokens.loginFlowCodec();
    }
}
