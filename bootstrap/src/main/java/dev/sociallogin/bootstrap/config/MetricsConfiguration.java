package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.metrics.ManagementSettings;
import dev.sociallogin.adapter.out.metrics.Metrics;
import dev.sociallogin.domain.port.out.AuthOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics adapter: one registry for every module's meters, exported on the management listener
 * (started here, on the main thread, before the background beans). Closed after everything that
 * records into it.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    Metrics metrics(ManagementSettings settings) {
        return Metrics.start(settings);
    }

    @Bean
    MeterRegistry meterRegistry(Metrics metrics) {
        return metrics.registry();
    }

    @Bean
    AuthOutcomes authOutcomes(Metrics metrics) {
        return metrics.authOutcomes();
    }
}
