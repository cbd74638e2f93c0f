package dev.sociallogin.bootstrap.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Start-up work that runs on a bootstrap thread while the main thread starts the HTTP server:
 * a configuration kicks it off in one bean and takes the result in another, so the slow parts
 * (schema migration and pool, the JWT library, the HTTP client) overlap on both cores.
 */
final class Startup {

    private Startup() {
    }

    static <T> CompletableFuture<T> begin(ExecutorService executor, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** The result, or the failure as it was thrown on the bootstrap thread. */
    static <T> T await(CompletableFuture<T> started) {
        try {
            return started.join();
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
}
