package dev.sociallogin.domain.port.out;

/** Whether the database answers right now (a cheap, bounded check). */
public interface StorageHealth {
    boolean isAvailable();
}
