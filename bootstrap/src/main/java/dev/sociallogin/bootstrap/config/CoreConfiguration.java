package dev.sociallogin.bootstrap.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every component reads time from, and the executor on which Spring
 * initialises the beans marked {@code bootstrap = BACKGROUND} (database, signing key, providers)
 * while the main thread starts the HTTP server: start-up uses both cores.
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    /** Spring looks the background-initialisation executor up by this name. */
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
}
