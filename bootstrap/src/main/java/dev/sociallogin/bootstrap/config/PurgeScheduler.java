package dev.sociallogin.bootstrap.config;

import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.domain.error.DomainException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge of expired refresh tokens and denylist entries periodically on one daemon thread.
 * A failed run (the database away) is logged and retried at the next period; it never stops the
 * schedule.
 */
public final class PurgeScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PurgeScheduler.class);

    private final PurgeExpiredUseCase purge;
    private final ScheduledExecutorService executor;

    public PurgeScheduler(PurgeExpiredUseCase purge, Duration initialDelay, Duration period) {
        this.purge = Objects.requireNonNull(purge, "purge");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "purge-expired");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            PurgeResult result = purge.purgeExpired();
            if (result.refreshTokens() > 0 || result.deniedAccessTokens() > 0) {
                log.info("Purged {} expired refresh tokens and {} expired denylist entries", result.refreshTokens(),
                        result.deniedAccessTokens());
            }
        } catch (DomainException e) {
            log.warn("Purge of expired tokens failed ({}); retrying at the next period", e.code());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the schedule alive
            log.error("Purge of expired tokens failed; retrying at the next period", e);
        }
    }

    /** Stops the schedule, letting a running purge finish for a few seconds. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
