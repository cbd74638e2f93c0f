package dev.sociallogin.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The signing keys of one issuer at one moment, and every decision that follows from their times
 * alone, so that every instance reading the same keys decides the same.
 *
 * <p>Per use (access or refresh), keys are ordered by activation (ties: by generation). A key
 * signs the tokens issued from its activation until the next key's activation; before the first
 * activation the first key signs (the first key ever activates at once; this only covers a clock
 * slightly behind). Choosing the key by the token's {@code iat} rather than by the clock reading
 * makes encoding the same claims give the same key, also across an activation: the refresh reuse
 * grace relies on that.
 *
 * <p>A retired key stays accepted until the last token it could have signed has expired: its
 * retirement plus the lifetime of its use's tokens ({@link TokenPolicy}). Then it is removed.
 */
public final class KeyRing {

    private static final Comparator<SigningKey> ACTIVATION_ORDER = Comparator.comparing(SigningKey::activatesAt)
            .thenComparingLong(SigningKey::generation)
            .thenComparing(key -> key.kid().value());

    private final Map<TokenType, List<SigningKey>> byUse;
    private final Map<KeyId, SigningKey> byId;

    private KeyRing(Map<TokenType, List<SigningKey>> byUse, Map<KeyId, SigningKey> byId) {
        this.byUse = byUse;
        this.byId = byId;
    }

    public static KeyRing of(Collection<SigningKey> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<TokenType, List<SigningKey>> byUse = new EnumMap<>(TokenType.class);
        Map<KeyId, SigningKey> byId = new HashMap<>();
        for (TokenType use : TokenType.values()) {
            byUse.put(use, new ArrayList<>());
        }
        for (SigningKey key : keys) {
            if (byId.put(key.kid(), Objects.requireNonNull(key, "key")) != null) {
                throw new IllegalArgumentException("two keys with one kid");
            }
            byUse.get(key.use()).add(key);
        }
        for (TokenType use : TokenType.values()) {
            List<SigningKey> ordered = byUse.get(use);
            ordered.sort(ACTIVATION_ORDER);
            byUse.put(use, List.copyOf(ordered));
        }
        return new KeyRing(byUse, Map.copyOf(byId));
    }

    public static KeyRing empty() {
        return of(List.of());
    }

    /** Every key, access keys first, each use in activation order. */
    public List<SigningKey> keys() {
        List<SigningKey> all = new ArrayList<>();
        for (TokenType use : TokenType.values()) {
            all.addAll(byUse.get(use));
        }
        return List.copyOf(all);
    }

    /** The keys of {@code use} in activation order. */
    public List<SigningKey> keys(TokenType use) {
        return byUse.get(Objects.requireNonNull(use, "use"));
    }

    public Optional<SigningKey> find(KeyId kid) {
        return Optional.ofNullable(byId.get(kid));
    }

    public boolean isEmpty(TokenType use) {
        return keys(use).isEmpty();
    }

    /** The key that signs tokens of {@code use} issued at {@code issuedAt} (see the class comment); empty without keys of that use. */
    public Optional<SigningKey> signingKeyAt(TokenType use, Instant issuedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        List<SigningKey> keys = keys(use);
        SigningKey chosen = null;
        for (SigningKey key : keys) {
            if (key.activatesAt().isAfter(issuedAt)) {
                break;
            }
            chosen = key;
        }
        if (chosen == null && !keys.isEmpty()) {
            chosen = keys.get(0);
        }
        return Optional.ofNullable(chosen);
    }

    /** When {@code key} stops signing: the next key's activation; empty while it is the newest of its use. */
    public Optional<Instant> retiresAt(SigningKey key) {
        List<SigningKey> keys = keys(key.use());
        int index = keys.indexOf(requireMember(key));
        return index + 1 < keys.size() ? Optional.of(keys.get(index + 1).activatesAt()) : Optional.empty();
    }

    /** The state of {@code key} at {@code now}, with {@code policy}'s lifetime for tokens of its use. */
    public KeyState stateAt(SigningKey key, Instant now, TokenPolicy policy) {
        Objects.requireNonNull(now, "now");
        Optional<Instant> retiresAt = retiresAt(key);
        if (retiresAt.isPresent() && !now.isBefore(retiresAt.get())) {
            return now.isBefore(retiresAt.get().plus(lifetime(key.use(), policy))) ? KeyState.RETIRED : KeyState.REMOVED;
        }
        return now.isBefore(key.activatesAt()) ? KeyState.PUBLISHED : KeyState.SIGNING;
    }

    /** Keys whose every token has expired at {@code now}: to delete. Never the newest key of a use. */
    public List<SigningKey> removableAt(Instant now, TokenPolicy policy) {
        List<SigningKey> removable = new ArrayList<>();
        for (SigningKey key : keys()) {
            if (stateAt(key, now, policy) == KeyState.REMOVED) {
                removable.add(key);
            }
        }
        return List.copyOf(removable);
    }

    /** The last key of {@code use} in activation order: the one that signs, or the next one once created. */
    public Optional<SigningKey> newest(TokenType use) {
        List<SigningKey> keys = keys(use);
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    }

    /** The generation a new key of {@code use} takes: one more than any present, 1 for the first. */
    public long nextGeneration(TokenType use) {
        long max = 0;
        for (SigningKey key : keys(use)) {
            max = Math.max(max, key.generation());
        }
        return max + 1;
    }

    /** When the oldest key of {@code use} still in the ring was created. */
    public Optional<Instant> oldestCreatedAt(TokenType use) {
        return keys(use).stream().map(SigningKey::createdAt).min(Comparator.naturalOrder());
    }

    /**
     * Whether the next key of {@code use} should be created at {@code now} for a rotation every
     * {@code rotation} ({@code PT0S}: never by time) with {@code publishAhead}: the newest key has
     * activated and its period ends within the publish-ahead window. False without keys: creating
     * the first key is not a rotation.
     */
    public boolean rotationDue(TokenType use, Instant now, Duration rotation, Duration publishAhead) {
        Optional<SigningKey> newest = newest(use);
        if (newest.isEmpty() || rotation.isZero() || newest.get().activatesAt().isAfter(now)) {
            return false;
        }
        return !now.isBefore(newest.get().activatesAt().plus(rotation).minus(publishAhead));
    }

    /**
     * When a key of {@code use} created at {@code now} activates: at once when it is the first of its
     * use; otherwise at the end of the newest key's period ({@code rotation}, when not zero), but never
     * sooner than {@code publishAhead} from now, so every instance and verifier knows it first.
     */
    public Instant nextActivation(TokenType use, Instant now, Duration rotation, Duration publishAhead) {
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        Optional<SigningKey> newest = newest(use);
        if (newest.isEmpty()) {
            return created;
        }
        Instant earliest = created.plus(publishAhead).truncatedTo(ChronoUnit.SECONDS);
        if (rotation.isZero()) {
            return earliest;
        }
        Instant periodEnd = newest.get().activatesAt().plus(rotation).truncatedTo(ChronoUnit.SECONDS);
        return periodEnd.isAfter(earliest) ? periodEnd : earliest;
    }

    /** The longest lifetime of tokens of {@code use}: how long a retired key of that use stays accepted. */
    public static Duration lifetime(TokenType use, TokenPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return use == TokenType.ACCESS ? policy.accessTtl() : policy.refreshTtl();
    }

    private SigningKey requireMember(SigningKey key) {
        SigningKey member = byId.get(Objects.requireNonNull(key, "key").kid());
        if (member == null) {
            throw new IllegalArgumentException("key not in this ring");
        }
        return member;
    }

    @Override
    public String toString() {
        return "KeyRing" + keys();
    }
}
