package dev.sociallogin.bootstrap;

import dev.sociallogin.adapter.in.web.WebServer;
import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.bootstrap.config.ApplicationConfiguration;
import dev.sociallogin.bootstrap.config.CoreConfiguration;
import dev.sociallogin.bootstrap.config.JwtConfiguration;
import dev.sociallogin.bootstrap.config.KakaoConfiguration;
import dev.sociallogin.bootstrap.config.PersistenceConfiguration;
import dev.sociallogin.bootstrap.config.PurgeConfiguration;
import dev.sociallogin.bootstrap.config.SchedulingConfiguration;
import dev.sociallogin.bootstrap.config.WebConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Builds the Spring contexts of the commands from {@link Settings}. */
public final class ServiceContexts {

    private static final Logger log = LoggerFactory.getLogger(ServiceContexts.class);

    private ServiceContexts() {
    }

    /** The whole service, started: the HTTP server listens when this returns. Close it to stop. */
    public static ConfigurableApplicationContext service(Settings settings) {
        return start(settings, CoreConfiguration.class, PersistenceConfiguration.class, JwtConfiguration.class,
                KakaoConfiguration.class, PurgeConfiguration.class, ApplicationConfiguration.class, SchedulingConfiguration.class,
                WebConfiguration.class);
    }

    /** Runs the purge once against the configured database, logs and returns the counts. */
    public static PurgeResult purgeOnce(Settings settings) {
        try (ConfigurableApplicationContext context = start(settings, CoreConfiguration.class, PersistenceConfiguration.class,
                PurgeConfiguration.class)) {
            PurgeResult result = context.getBean(PurgeExpiredUseCase.class).purgeExpired();
            log.info("Purged {} expired refresh tokens and {} expired denylist entries", result.refreshTokens(),
                    result.deniedAccessTokens());
            return result;
        }
    }

    /** The port the HTTP server listens on. */
    public static int httpPort(ConfigurableApplicationContext context) {
        return context.getBean(WebServer.class).port();
    }

    private static ConfigurableApplicationContext start(Settings settings, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Settings.class, () -> settings);
        context.register(configurations);
        context.refresh();
        return context;
    }
}
