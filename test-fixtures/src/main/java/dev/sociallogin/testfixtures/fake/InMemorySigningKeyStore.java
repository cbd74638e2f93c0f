package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SigningKeyStore} in memory, one "database" per instance: share the instance between the
 * objects that stand for several service instances. {@code add} is atomic (synchronized), and a
 * key of an existing (ring, use, generation) or kid is refused, as the unique keys of the table are.
 */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    private final StorageOutage outage;
    private final Map<String, List<SigningKey>> rings = new HashMap<>();
    private int reads;

    public InMemorySigningKeyStore() {
        this(new StorageOutage());
    }

    public InMemorySigningKeyStore(StorageOutage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    public StorageOutage outage() {
        return outage;
    }

    @Override
    public synchronized List<SigningKey> findAll(String ring) {
        outage.check();
        reads++;
        return List.copyOf(rings.getOrDefault(requireRing(ring), List.of()));
    }

    @Override
    public synchronized boolean add(String ring, SigningKey key) {
        outage.check();
        Objects.requireNonNull(key, "key");
        for (List<SigningKey> keys : rings.values()) {
            if (keys.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
                return false;
            }
        }
        List<SigningKey> keys = rings.computeIfAbsent(requireRing(ring), r -> new ArrayList<>());
        if (keys.stream().anyMatch(k -> k.use() == key.use() && k.generation() == key.generation())) {
            return false;
        }
        keys.add(key);
        return true;
    }

    @Override
    public synchronized int remove(String ring, Collection<KeyId> kids) {
        outage.check();
        List<SigningKey> keys = rings.getOrDefault(requireRing(ring), new ArrayList<>());
        int before = keys.size();
        keys.removeIf(k -> kids.contains(k.kid()));
        return before - keys.size();
    }

    /** How often {@link #findAll} was called (test hook: reloads are rate-limited). */
    public synchronized int reads() {
        return reads;
    }

    private static String requireRing(String ring) {
        if (ring == null || ring.isEmpty() || ring.length() > MAX_RING_LENGTH) {
            throw new IllegalArgumentException("ring must be 1-" + MAX_RING_LENGTH + " characters");
        }
        return ring;
    }
}
