package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;

/**
 * The switch that makes the in-memory "database" unreachable. Share one instance between fakes
 * (repository, stores, denylist, health) to take the whole storage down at once; while it is
 * down every method of those fakes throws {@code STORAGE_UNAVAILABLE}, as the real adapters do.
 */
public final class StorageOutage {

    private volatile boolean down;

    public void begin() {
        down = true;
    }

    public void end() {
        down = false;
    }

    public boolean isActive() {
        return down;
    }

    /** Throws {@code STORAGE_UNAVAILABLE} while the outage lasts. */
    void check() {
        if (down) {
            throw new DomainException(ErrorCode.STORAGE_UNAVAILABLE, "storage unreachable (simulated)");
        }
    }
}
