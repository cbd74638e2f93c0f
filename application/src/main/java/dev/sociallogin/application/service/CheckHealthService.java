package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.domain.port.out.StorageHealth;
import java.util.Objects;

/** Healthy while storage answers. */
public final class CheckHealthService implements CheckHealthUseCase {

    private final StorageHealth storage;

    public CheckHealthService(StorageHealth storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public boolean isHealthy() {
        return storage.isAvailable();
    }
}
