package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningKey;
import java.util.Collection;
import java.util.List;

/**
 * Where the key ring lives: in the database, so every instance sharing it signs and verifies with
 * the same keys. Keys are kept per {@code ring} (the issuer they sign for, at most
 * {@value #MAX_RING_LENGTH} characters). Private parts are stored as given; at rest they are
 * protected by the store's access control (only the service's database user can read them).
 *
 * <p>Failures are {@code STORAGE_UNAVAILABLE}.
 */
public interface SigningKeyStore {

    int MAX_RING_LENGTH = 255;

    /** Every key of {@code ring}, in no particular order. */
    List<SigningKey> findAll(String ring);

    /**
     * Adds {@code key} to {@code ring}, atomically: {@code false} (and nothing written) when the ring
     * already holds a key of the same use and generation, or of the same kid. That is how concurrent
     * instances settle who creates the next key: the loser reloads and uses the winner's.
     */
    boolean add(String ring, SigningKey key);

    /** Deletes those keys of {@code ring}; returns how many were there. */
    int remove(String ring, Collection<KeyId> kids);
}
