package dev.sociallogin.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartupTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    /** Something that must be closed, like the database pool. */
    static final class Resource implements AutoCloseable {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void givenWorkOnAnotherThread_await_returnsItsResult() {
        Startup<String> startup = Startup.begin(executor, () -> Thread.currentThread().getName());

        assertThat(startup.await()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void givenFailingWork_await_rethrowsTheOriginalException() {
        Startup<String> startup = Startup.begin(executor, () -> {
            throw new IllegalStateException("database away");
        });

        assertThatThrownBy(startup::await).isExactlyInstanceOf(IllegalStateException.class).hasMessage("database away");
    }

    @Test
    void givenResultNeverTaken_close_closesItOnceReady() throws Exception {
        Resource resource = new Resource();
        CountDownLatch release = new CountDownLatch(1);
        Startup<Resource> startup = Startup.begin(executor, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return resource;
        });

        startup.close();
        assertThat(resource.closed).hasValue(0); // still being built
        release.countDown();
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(resource.closed).hasValue(1);
    }

    @Test
    void givenResultTaken_close_leavesItToItsOwner() {
        Resource resource = new Resource();
        Startup<Resource> startup = Startup.begin(executor, () -> resource);

        startup.await();
        startup.close();

        assertThat(resource.closed).hasValue(0);
    }
}
