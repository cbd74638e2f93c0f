package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.in.web.RateLimitSettings;
import dev.sociallogin.adapter.in.web.WebServer;
import dev.sociallogin.adapter.in.web.WebSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP server. It starts on the main thread while the background beans come up (its use cases
 * are lazy proxies into this context), and it stops first on shutdown: as a {@link SmartLifecycle}
 * it is stopped, draining in-flight requests, before any bean is destroyed (the scheduler, then the
 * database pool).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean(destroyMethod = "close")
    WebServer webServer(WebSettings settings, RateLimitSettings limits, MeterRegistry meters, ApplicationContext context) {
        return WebServer.start(settings, limits, meters, context);
    }

    @Bean
    SmartLifecycle webServerLifecycle(WebServer server) {
        return new SmartLifecycle() {
            private volatile boolean running = true;

            @Override
            public void start() {
                // started when built, to listen while the rest of the context starts
            }

            @Override
            public void stop() {
                server.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
