package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.adapter.out.jwt.KeyMaterial.LoadedKey;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.KeyRing;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.KeyState;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.domain.port.out.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key ring of one issuer, kept in memory and in step with the store that every instance shares.
 *
 * <p>Maintenance (at start, then periodically on its own thread): read the ring; create the first
 * key of a use when there is none (it signs at once); at start, a next key when the configured
 * algorithm changed; a next key when the signing key's period ends within the publish-ahead time;
 * delete removed keys. Instances racing to create a key collide on its generation in the store; the
 * loser reads the ring again and uses the winner's key.
 *
 * <p>The period is a quarter of the publish-ahead time, at most {@link #MAX_RELOAD_INTERVAL} and at
 * least {@link #MIN_RELOAD_INTERVAL}, with ±10% jitter: every instance knows a new key long before it
 * signs. A token naming a kid this instance does not know also makes it read the ring once, at most
 * once per {@link #FORCED_RELOAD_GAP} whatever the number of such tokens, so a flood of invented kids
 * costs the database one query a second.
 *
 * <p>Private keys are decoded once per key and held only in memory; no log line names more than kid,
 * use, algorithm and times.
 */
final class KeyRingKeeper implements TokenKeys, SigningKeys, AutoCloseable {

    static final Duration MAX_RELOAD_INTERVAL = Duration.ofSeconds(60);
    static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);
    static final Duration FORCED_RELOAD_GAP = Duration.ofSeconds(1);
    /** Our kids are 16 random bytes in base64url; a token naming anything else cannot be ours. */
    private static final int KID_LENGTH = 22;

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingKeeper.class);

    /** What the ring holds now, and each key decoded. */
    private record Snapshot(KeyRing ring, Map<String, LoadedKey> byKid) {
        static final Snapshot EMPTY = new Snapshot(KeyRing.empty(), Map.of());
    }

    private final SigningKeyStore store;
    private final String ring;
    private final JwtSettings settings;
    private final TokenPolicy policy;
    private final Clock clock;
    private final SecretKey legacySecret;
    private final LongSupplier nanoTime;
    private final AtomicLong lastForcedReload;
    private final Object maintenance = new Object();
    private final Object reloading = new Object();
    private final Object lifecycle = new Object();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private ScheduledExecutorService scheduler;
    private volatile boolean failing;

    KeyRingKeeper(SigningKeyStore store, JwtSettings settings, TokenPolicy policy, Clock clock, SecretKey legacySecret, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ring = settings.issuer();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.legacySecret = legacySecret;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastForcedReload = new AtomicLong(nanoTime.getAsLong() - FORCED_RELOAD_GAP.toNanos());
    }

    /** First maintenance now (the ring is usable when this returns), then periodically; {@code STORAGE_UNAVAILABLE} when the store is down. */
    void start(boolean periodic) {
        maintain(true);
        if (!periodic) {
            return;
        }
        synchronized (lifecycle) {
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "jwt-key-ring");
                    thread.setDaemon(true);
                    return thread;
                });
                scheduleNext();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (scheduler == null) {
                return;
            }
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    /** How long between two maintenance runs, before jitter. */
    Duration reloadInterval() {
        Duration quarter = settings.publishAhead().dividedBy(4);
        if (quarter.compareTo(MIN_RELOAD_INTERVAL) < 0) {
            return MIN_RELOAD_INTERVAL;
        }
        return quarter.compareTo(MAX_RELOAD_INTERVAL) > 0 ? MAX_RELOAD_INTERVAL : quarter;
    }

    private void scheduleNext() {
        synchronized (lifecycle) {
            if (scheduler == null || scheduler.isShutdown()) {
                return;
            }
            long base = reloadInterval().toMillis();
            long jittered = base + ThreadLocalRandom.current().nextLong(-base / 10, base / 10 + 1);
            scheduler.schedule(this::maintainSafely, Math.max(1, jittered), TimeUnit.MILLISECONDS);
        }
    }

    private void maintainSafely() {
        try {
            maintain(false);
            if (failing) {
                failing = false;
                LOG.info("JWT key ring maintenance recovered");
            }
        } catch (DomainException | IllegalStateException e) {
            // keep the keys we have; the next run tries again
            if (!failing) {
                failing = true;
                LOG.warn("JWT key ring maintenance failed, keeping the keys loaded before: {}", e.getMessage());
            }
        } finally {
            scheduleNext();
        }
    }

    /** One maintenance run (see the class comment); package-private for tests. */
    void maintain(boolean starting) {
        synchronized (maintenance) {
            reload();
            Instant now = clock.instant();
            for (TokenType use : TokenType.values()) {
                KeyRing current = snapshot.ring;
                SigningAlgorithm wanted = algorithmFor(use);
                if (current.isEmpty(use)) {
                    create(use, wanted, now, current.nextActivation(use, now, settings.keyRotation(), settings.publishAhead()), "first key");
                } else if (starting && current.newest(use).orElseThrow().algorithm() != wanted) {
                    create(use, wanted, now, current.nextActivation(use, now, Duration.ZERO, settings.publishAhead()), "algorithm changed");
                } else if (current.rotationDue(use, now, settings.keyRotation(), settings.publishAhead())) {
                    create(use, wanted, now, current.nextActivation(use, now, settings.keyRotation(), settings.publishAhead()), "scheduled rotation");
                }
            }
            List<SigningKey> removable = snapshot.ring.removableAt(now, policy);
            if (!removable.isEmpty()) {
                store.remove(ring, removable.stream().map(SigningKey::kid).collect(Collectors.toList()));
                for (SigningKey key : removable) {
                    LOG.info("JWT signing key removed: kid={} use={} (every token it signed has expired)", key.kid(), key.use().claim());
                }
                reload();
            }
        }
    }

    /** The next key of each use now: published at once, signing after the publish-ahead time. */
    @Override
    public List<KeyRotation> rotate() {
        synchronized (maintenance) {
            reload();
            Instant now = clock.instant();
            List<KeyRotation> created = new ArrayList<>();
            for (TokenType use : TokenType.values()) {
                KeyRing current = snapshot.ring;
                Instant activatesAt = current.nextActivation(use, now, Duration.ZERO, settings.publishAhead());
                created.add(KeyRotation.of(create(use, algorithmFor(use), now, activatesAt, "rotation by command")));
            }
            return List.copyOf(created);
        }
    }

    /** Creates and stores a key; when another instance stored one of that generation first, answers theirs. */
    private SigningKey create(TokenType use, SigningAlgorithm algorithm, Instant now, Instant activatesAt, String why) {
        KeyRing current = snapshot.ring;
        Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        SigningKey key = KeyMaterial.generate(algorithm, use, current.nextGeneration(use), createdAt,
                activatesAt.isBefore(createdAt) ? createdAt : activatesAt);
        boolean stored = store.add(ring, key);
        reload();
        if (stored) {
            LOG.info("JWT signing key created ({}): kid={} use={} algorithm={} generation={} signs from {}", why, key.kid(),
                    use.claim(), algorithm.jwaName(), key.generation(), key.activatesAt());
            return key;
        }
        // another instance created this generation first: theirs is the next key
        SigningKey theirs = snapshot.ring.keys(use).stream().filter(k -> k.generation() == key.generation()).findFirst()
                .or(() -> snapshot.ring.newest(use))
                .orElseThrow(() -> new IllegalStateException("the key ring lost a " + use.claim() + " key it was racing for"));
        LOG.info("JWT signing key of generation {} ({}) was created by another instance: kid={}", key.generation(), use.claim(), theirs.kid());
        return theirs;
    }

    private SigningAlgorithm algorithmFor(TokenType use) {
        return use == TokenType.ACCESS ? settings.algorithm() : SigningAlgorithm.HS256;
    }

    /** Reads the ring from the store; keys decoded before are reused. */
    void reload() {
        synchronized (reloading) {
            List<SigningKey> stored = store.findAll(ring);
            Map<String, LoadedKey> previous = snapshot.byKid;
            Map<String, LoadedKey> byKid = new HashMap<>();
            List<SigningKey> usable = new ArrayList<>();
            for (SigningKey key : stored) {
                LoadedKey loaded = previous.get(key.kid().value());
                if (loaded == null) {
                    try {
                        loaded = KeyMaterial.load(key);
                    } catch (IllegalStateException corrupt) {
                        LOG.warn("JWT key ring: {}; skipped", corrupt.getMessage());
                        continue;
                    }
                }
                byKid.put(key.kid().value(), loaded);
                usable.add(key);
            }
            snapshot = new Snapshot(KeyRing.of(usable), Map.copyOf(byKid));
        }
    }

    @Override
    public LoadedKey signer(TokenType type, Instant issuedAt) {
        Snapshot current = snapshot;
        SigningKey key = current.ring.signingKeyAt(type, issuedAt)
                .orElseThrow(() -> new IllegalStateException("the key ring holds no " + type.claim() + " key"));
        return current.byKid.get(key.kid().value());
    }

    @Override
    public LoadedKey verifier(String kid, Instant now, boolean mayReload) {
        Snapshot current = snapshot;
        LoadedKey loaded = current.byKid.get(kid);
        if (loaded == null && mayReload && kid.length() == KID_LENGTH && forcedReloadAllowed()) {
            try {
                reload();
            } catch (DomainException | IllegalStateException e) {
                LOG.warn("JWT key ring reload for an unknown kid failed: {}", e.getMessage());
            }
            current = snapshot;
            loaded = current.byKid.get(kid);
        }
        if (loaded == null) {
            return null;
        }
        SigningKey key = current.ring.find(loaded.kid()).orElseThrow();
        return current.ring.stateAt(key, now, policy) == KeyState.REMOVED ? null : loaded;
    }

    private boolean forcedReloadAllowed() {
        long now = nanoTime.getAsLong();
        long last = lastForcedReload.get();
        return now - last >= FORCED_RELOAD_GAP.toNanos() && lastForcedReload.compareAndSet(last, now);
    }

    @Override
    public SecretKey legacySecret() {
        return legacySecret;
    }

    @Override
    public Optional<Instant> legacyIssuedUntil(TokenType type) {
        return snapshot.ring.oldestCreatedAt(type);
    }

    /** Every access key from its publication until its removal; the configured algorithm first. */
    @Override
    public PublishedKeys published() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        List<PublishedKey> keys = new ArrayList<>();
        Set<SigningAlgorithm> algorithms = new LinkedHashSet<>();
        algorithms.add(settings.algorithm());
        for (SigningKey key : current.ring.keys(TokenType.ACCESS)) {
            PublishedKey jwk = current.byKid.get(key.kid().value()).published();
            if (jwk != null && current.ring.stateAt(key, now, policy) != KeyState.REMOVED) {
                keys.add(jwk);
                algorithms.add(key.algorithm());
            }
        }
        return new PublishedKeys(settings.issuer(), List.copyOf(algorithms), keys);
    }

    /** The ring as loaded now (tests). */
    KeyRing ring() {
        return snapshot.ring;
    }
}
