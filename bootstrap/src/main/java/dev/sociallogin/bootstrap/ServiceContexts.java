package dev.sociallogin.bootstrap;

import dev.sociallogin.bootstrap.settings.Settings;
import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.bootstrap.config.ApplicationConfiguration;
import dev.sociallogin.bootstrap.config.CoreConfiguration;
import dev.sociallogin.bootstrap.config.GatedWebServer;
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
        // Order matters: the database, the signing key and the Kakao client start in the background,
        // then the HTTP server starts on this thread while they do; the use cases follow.
        ConfigurableApplicationContext context = start(settings, CoreConfiguration.class, PersistenceConfiguration.class,
                JwtConfiguration.class, KakaoConfiguration.class, WebConfiguration.class, PurgeConfiguration.class,
                ApplicationConfiguration.class, SchedulingConfiguration.class);
        context.getBean(GatedWebServer.class).gate().open(context);
        return context;
    }

    /**
     * Stops the service: the HTTP server first (it drains in-flight requests), then everything else
     * in reverse order of creation (the purge scheduler, the use cases, the denylist poll and the pool).
     */
    public static void stop(ConfigurableApplicationContext context) {
        context.getBean(GatedWebServer.class).close();
        context.close();
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
        return context.getBean(GatedWebServer.class).port();
    }

    private static ConfigurableApplicationContext start(Settings settings, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Settings.class, () -> settings);
        context.register(configurations);
        context.refresh();
        return context;
    }
}
