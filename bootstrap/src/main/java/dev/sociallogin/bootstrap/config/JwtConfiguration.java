package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.jwt.AesGcmLoginFlowCodec;
import dev.sociallogin.adapter.out.jwt.JjwtTokenCodec;
import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Bean.Bootstrap;
import org.springframework.context.annotation.Configuration;

/** The token codec, built in the background (loading the JWT library takes a while), and the login flow cookie codec. */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean(bootstrap = Bootstrap.BACKGROUND)
    TokenCodec tokenCodec(JwtSettings settings, Clock clock) {
        return new JjwtTokenCodec(settings, clock);
    }

    /** The oauthState cookie's sealing, keyed from the token key (plain JCA: nothing slow to load). */
    @Bean
    LoginFlowCodec loginFlowCodec(JwtSettings settings) {
        return new AesGcmLoginFlowCodec(settings);
    }
}
