package dev.sociallogin.bootstrap.config;

import dev.sociallogin.bootstrap.settings.Settings;
import dev.sociallogin.domain.model.TokenPolicy;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every component reads time from, and the token lifetimes. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    /**
     * Runs the slow start-up work (database, signing key, Kakao client) while the main thread
     * starts the HTTP server: start-up uses both cores. Daemon threads; idle ones end by themselves.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService bootstrapExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bootstrap-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

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
