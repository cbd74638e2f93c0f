package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;

/** The service's periodic purge of expired refresh tokens and denylist entries. */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    /** Hourly; the first run a minute after start, off the start-up path. */
    static final Duration PERIOD = Duration.ofHours(1);
    static final Duration INITIAL_DELAY = Duration.ofMinutes(1);

    /** The use case is a lazy proxy: the scheduler starts at once, its first run comes a minute later. */
    @Bean(destroyMethod = "close")
    PurgeScheduler purgeScheduler(@Lazy PurgeExpiredUseCase purge) {
        return new PurgeScheduler(purge, INITIAL_DELAY, PERIOD);
    }
}
