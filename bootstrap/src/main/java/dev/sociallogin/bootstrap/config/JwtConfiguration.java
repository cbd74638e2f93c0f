package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.jwt.JjwtTokenCodec;
import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Bean.Bootstrap;
import org.springframework.context.annotation.Configuration;

/** The token codec, built in the background (loading the JWT library takes a while). */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean(bootstrap = Bootstrap.BACKGROUND)
    TokenCodec tokenCodec(JwtSettings settings, Clock clock) {
        return new JjwtTokenCodec(settings, clock);
    }
}
