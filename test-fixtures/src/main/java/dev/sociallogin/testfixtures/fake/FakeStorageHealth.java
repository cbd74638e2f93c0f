package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.port.out.StorageHealth;
import java.util.Objects;

/** Healthy unless its {@link StorageOutage} is active; never throws. */
public final class FakeStorageHealth implements StorageHealth {

    private final StorageOutage outage;

    public FakeStorageHealth() {
        this(new StorageOutage());
    }

    public FakeStorageHealth(StorageOutage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    public StorageOutage outage() {
        return outage;
    }

    @Override
    public boolean isAvailable() {
        return !outage.isActive();
    }
}
