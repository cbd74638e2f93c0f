package dev.sociallogin.bootstrap.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that runs on a bootstrap thread while the main thread starts the HTTP server: a
 * configuration begins it in one (eager) bean and takes the result in another (lazy) bean, so the
 * slow parts (schema migration and pool, the JWT library, the HTTP client) overlap on both cores.
 *
 * <p>When start-up fails elsewhere before the result was taken, closing this (Spring does, as the
 * context is destroyed) closes the result too, so no pool or poll thread outlives the context.
 *
 * @param <T> what the work builds
 */
final class Startup<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final CompletableFuture<T> result;
    private final AtomicBoolean taken = new AtomicBoolean();

    private Startup(CompletableFuture<T> result) {
        this.result = result;
    }

    static <T> Startup<T> begin(ExecutorService executor, Supplier<T> work) {
        return new Startup<>(CompletableFuture.supplyAsync(work, executor));
    }

    /** The result (waiting for it), or the failure as it was thrown on the bootstrap thread. */
    T await() {
        taken.set(true);
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (taken.get()) {
            return; // its owner bean closes it
        }
        result.thenAccept(built -> {
            if (built instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) built).close();
                } catch (Exception e) {
                    log.warn("Could not close an unused start-up result ({})", e.getClass().getSimpleName());
                }
            }
        });
    }
}
