package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.jwt.JjwtTokenCodec;
import dev.sociallogin.adapter.out.jwt.JwtKeys;
import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.bootstrap.settings.ConfigurationException;
import dev.sociallogin.bootstrap.settings.Settings;
import dev.sociallogin.bootstrap.settings.SigningKeyFile;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The HS256 token codec, keyed by AUTH_JWT_SECRET or else by the key file generated in AUTH_DATA_DIR. */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    /** Reads or generates the key and loads the JWT library on a bootstrap thread. */
    @Bean
    Startup<TokenCodec> tokenCodecStartup(Settings settings, TokenPolicy policy, Clock clock, ExecutorService bootstrapExecutor) {
        return Startup.begin(bootstrapExecutor, () -> codec(settings, policy, clock));
    }

    // lazy: taken once the HTTP server has started; the work itself began in the startup bean
    @Lazy
    @Bean
    TokenCodec tokenCodec(Startup<TokenCodec> tokenCodecStartup) {
        return tokenCodecStartup.await();
    }

    private static TokenCodec codec(Settings settings, TokenPolicy policy, Clock clock) {
        SecretKey key;
        try {
            if (settings.jwtSecret().isPresent()) {
                key = JwtKeys.fromSecret(settings.jwtSecret().get());
            } else {
                byte[] raw = new SigningKeyFile(settings.dataDir()).loadOrCreate();
                key = JwtKeys.fromBytes(raw);
                Arrays.fill(raw, (byte) 0);
            }
        } catch (IllegalArgumentException e) {
            // JwtKeys never puts the secret into its messages
            throw new ConfigurationException(Settings.AUTH_JWT_SECRET, e.getMessage());
        }
        return new JjwtTokenCodec(new JwtSettings(key, settings.jwtIssuer(), policy.accessTtl(), policy.refreshTtl()), clock);
    }
}
