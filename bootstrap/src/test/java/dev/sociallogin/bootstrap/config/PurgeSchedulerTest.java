package dev.sociallogin.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PurgeSchedulerTest {

    @Test
    void givenFailingRuns_scheduler_keepsRunningAtEachPeriod() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch fourRuns = new CountDownLatch(4);
        try (PurgeScheduler scheduler = new PurgeScheduler(() -> {
            int n = calls.incrementAndGet();
            fourRuns.countDown();
            if (n == 1) {
                throw new DomainException(ErrorCode.STORAGE_UNAVAILABLE, "database away");
            }
            if (n == 2) {
                throw new IllegalStateException("unexpected");
            }
            return new PurgeResult(n, 0);
        }, Duration.ZERO, Duration.ofMillis(20))) {
            assertThat(fourRuns.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void givenClosed_scheduler_runsNoMore() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PurgeScheduler scheduler = new PurgeScheduler(() -> {
            calls.incrementAndGet();
            return new PurgeResult(0, 0);
        }, Duration.ZERO, Duration.ofMillis(10));
        Thread.sleep(50);
        scheduler.close();
        int afterClose = calls.get();
        Thread.sleep(100);

        assertThat(afterClose).isPositive();
        assertThat(calls.get()).isEqualTo(afterClose);
    }
}
