package dev.sociallogin.bootstrap;

import dev.sociallogin.adapter.in.web.WebServer;
import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.application.port.in.RotateKeysUseCase;
import dev.sociallogin.domain.model.KeyRotation;
import java.util.List;
import dev.sociallogin.bootstrap.config.ApplicationConfiguration;
import dev.sociallogin.bootstrap.config.CoreConfiguration;
import dev.sociallogin.bootstrap.config.JwtConfiguration;
import dev.sociallogin.bootstrap.config.MetricsConfiguration;
import dev.sociallogin.bootstrap.config.PersistenceConfiguration;
import dev.sociallogin.bootstrap.config.ProvidersConfiguration;
import dev.sociallogin.bootstrap.config.PurgeConfiguration;
import dev.sociallogin.bootstrap.config.SchedulingConfiguration;
import dev.sociallogin.bootstrap.config.SettingsConfiguration;
import dev.sociallogin.adapter.out.metrics.Metrics;
import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.bootstrap.config.WebConfiguration;
import dev.sociallogin.settings.SettingsSource;
import java.util.OptionalInt;
import java.util.function.Function;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The whole service as one Spring context, built from the configuration variables. The order of the
 * configurations is the order of start-up: every module's settings are read and checked first (a bad
 * value stops start-up before anything is opened), then the background beans (database, providers)
 * go to the bootstrap executor, then the main thread starts the HTTP server while they come up; the
 * lazy beans that stand on them (token adapter, ports, use cases) follow.
 */
public final class Service implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    private Service(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /** Starts the service; it serves when this returns. Close it to stop (gracefully). */
    public static Service start(Function<String, String> variables) {
        AnnotationConfigApplicationContext context = context(variables, SettingsConfiguration.class, CoreConfiguration.class,
                MetricsConfiguration.class, PersistenceConfiguration.class, ProvidersConfiguration.class, JwtConfiguration.class,
                ApplicationConfiguration.class, PurgeConfiguration.class, SchedulingConfiguration.class, WebConfiguration.class);
        try {
            // refresh() returned once the background beans are ready; the lazy ones standing on them (the
            // token adapter, the ports, the use cases) are built now, so a wiring mistake stops start-up,
            // not the first request
            for (String name : context.getBeanDefinitionNames()) {
                if (context.getBeanFactory().getBeanDefinition(name).isLazyInit()) {
                    context.getBean(name);
                }
            }
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        // every bean is built: from now on /health/ready answers by the database alone
        context.getBean(WebServer.class).ready();
        return new Service(context);
    }

    /** Creates the next signing keys in the configured store now ({@code rotate-keys}); empty under HS256. */
    public static List<KeyRotation> rotateKeys(Function<String, String> variables) {
        try (AnnotationConfigApplicationContext context = context(variables, SettingsConfiguration.class, CoreConfiguration.class,
                PersistenceConfiguration.class, JwtConfiguration.class, ApplicationConfiguration.class)) {
            return context.getBean(RotateKeysUseCase.class).rotateKeys();
        }
    }

    /** Runs the purge once against the configured database and returns the counts. */
    public static PurgeResult purgeOnce(Function<String, String> variables) {
        try (AnnotationConfigApplicationContext context = context(variables, PurgeSettings.class, CoreConfiguration.class,
                PersistenceConfiguration.class, PurgeConfiguration.class)) {
            return context.getBean(PurgeExpiredUseCase.class).purgeExpired();
        }
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return context.getBean(WebServer.class).port();
    }

    /** The management listener's port ({@code GET /metrics}), unless AUTH_MANAGEMENT_PORT is 0. */
    public OptionalInt managementPort() {
        return context.getBean(Metrics.class).managementPort();
    }

    /** Stops: the HTTP server first (in-flight requests finish), then the scheduler, then the database. */
    @Override
    public void close() {
        context.close();
    }

    /** The one setting the purge command reads: where the database is. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class PurgeSettings {
        @org.springframework.context.annotation.Bean
        PersistenceSettings persistenceSettings(SettingsSource variables) {
            return PersistenceSettings.from(variables.asFunction());
        }
    }

    private static AnnotationConfigApplicationContext context(Function<String, String> variables, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(SettingsSource.class, () -> new SettingsSource(variables));
        context.register(configurations);
        context.refresh();
        return context;
    }
}
