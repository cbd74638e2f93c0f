package dev.sociallogin.adapter.out.persistence;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * One {@link Persistence} per contract test class, opened on first use inside a test rather than in
 * class set-up, so an unreachable server shows each test as skipped (or failed under CI=true).
 */
final class LazyPersistence implements AutoCloseable {

    private final Supplier<PersistenceSettings> settings;
    private Persistence persistence;

    LazyPersistence(Supplier<PersistenceSettings> settings) {
        this.settings = settings;
    }

    Persistence get() {
        if (persistence == null) {
            persistence = Persistence.open(settings.get(), Clock.systemUTC());
        }
        return persistence;
    }

    @Override
    public void close() {
        if (persistence != null) {
            persistence.close();
        }
    }
}
