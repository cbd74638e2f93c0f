package dev.sociallogin.adapter.out.metrics;

import dev.sociallogin.domain.port.out.AuthOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics adapter, started: one Prometheus registry holding the JVM's meters, the core's outcomes
 * ({@link #authOutcomes()}) and whatever other adapters record into {@link #registry()} (the web
 * adapter's requests, the pool's connections), exported on the management listener.
 *
 * <pre>{@code
 * Metrics metrics = Metrics.start(ManagementSettings.from(variables));
 * ...
 * metrics.close();
 * }</pre>
 */
public final class Metrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final AuthOutcomes authOutcomes;
    private final ManagementServer server;

    private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc, ManagementServer server) {
        this.registry = registry;
        this.gc = gc;
        this.authOutcomes = new MicrometerAuthOutcomes(registry);
        this.server = server;
    }

    /**
     * A registry with the JVM's meters, and the management listener unless the settings disable it.
     * A port or address that cannot be bound is an {@link dev.sociallogin.settings.InvalidSettingException}
     * naming its variable.
     */
    public static Metrics start(ManagementSettings settings) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        ManagementServer server = null;
        try {
            if (settings.enabled()) {
                server = ManagementServer.start(settings, registry);
                LOG.info("Management listener (GET /metrics) on {}:{}", settings.address().getHostAddress(), server.port());
            }
        } catch (RuntimeException e) {
            gc.close();
            registry.close();
            throw e;
        }
        return new Metrics(registry, gc, server);
    }

    /** Where adapters record their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The core's login and refresh outcomes, counted. */
    public AuthOutcomes authOutcomes() {
        return authOutcomes;
    }

    /** The management listener's port, when there is one. */
    public OptionalInt managementPort() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
    }

    /** The text a scrape of {@code /metrics} answers. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        gc.close();
        registry.close();
    }
}
