package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.PurgeExpiredUseCase;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's periodic purge of expired refresh tokens and denylist entries. */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    public static final String PURGE_SCHEDULER = "purgeScheduler";

    /** Hourly; the first run a minute after start, off the start-up path. */
    static final Duration PERIOD = Duration.ofHours(1);
    static final Duration INITIAL_DELAY = Duration.ofMinutes(1);

    @Bean(name = PURGE_SCHEDULER, destroyMethod = "close")
    PurgeScheduler purgeScheduler(PurgeExpiredUseCase purge) {
        return new PurgeScheduler(purge, INITIAL_DELAY, PERIOD);
    }
}
