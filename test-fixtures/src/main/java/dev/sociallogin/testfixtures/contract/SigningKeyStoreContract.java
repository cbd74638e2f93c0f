package dev.sociallogin.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.KeyRing;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.builder.TestSigningKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SigningKeyStore} promises. Each test works in its own ring (a random
 * name), so the contract can run against a database shared with parallel runs and with a service
 * using its real ring; it deletes what it wrote.
 */
public abstract class SigningKeyStoreContract {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final List<String> rings = new ArrayList<>();

    /** The store under test; called at the start of every test. */
    protected abstract SigningKeyStore store();

    /**
     * A second handle on the same database, as a second service instance has (its own pool). The
     * in-memory fake answers the same object: it is its own database.
     */
    protected abstract SigningKeyStore otherStore();

    /** A ring of its own for this test. */
    protected final String newRing() {
        String ring = "contract-" + UUID.randomUUID();
        rings.add(ring);
        return ring;
    }

    @AfterEach
    void deleteWhatThisTestWrote() {
        SigningKeyStore store = store();
        for (String ring : rings) {
            store.remove(ring, store.findAll(ring).stream().map(SigningKey::kid).collect(Collectors.toList()));
        }
    }

    @Test
    void givenAddedKeys_findAll_returnsThemWithMaterialAndTimesIntact() {
        SigningKeyStore store = store();
        String ring = newRing();
        SigningKey access = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey large = TestSigningKeys.aLargeAccessKey(2, T0.plusSeconds(60), T0.plusSeconds(960));
        SigningKey refresh = TestSigningKeys.aRefreshKey(1, T0, T0);

        assertThat(store.add(ring, access)).isTrue();
        assertThat(store.add(ring, large)).isTrue();
        assertThat(store.add(ring, refresh)).isTrue();

        assertThat(store.findAll(ring)).containsExactlyInAnyOrder(access, large, refresh);
    }

    @Test
    void givenUnknownRing_findAll_isEmpty() {
        assertThat(store().findAll(newRing())).isEmpty();
    }

    @Test
    void givenKeyOfSameUseAndGeneration_add_isRefusedAndTheFirstKept() {
        SigningKeyStore store = store();
        String ring = newRing();
        SigningKey first = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey rival = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey refreshOfSameGeneration = TestSigningKeys.aRefreshKey(1, T0, T0);

        assertThat(store.add(ring, first)).isTrue();
        assertThat(store.add(ring, rival)).isFalse();
        assertThat(store.add(ring, refreshOfSameGeneration)).as("generations count per use").isTrue();

        assertThat(store.findAll(ring)).containsExactlyInAnyOrder(first, refreshOfSameGeneration);
    }

    @Test
    void givenKidAlreadyStored_add_isRefused() {
        SigningKeyStore store = store();
        String ring = newRing();
        SigningKey first = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey sameKid = new SigningKey(first.kid(), TokenType.ACCESS, first.algorithm(), 2, first.privateKey(), first.publicKey(),
                T0, T0.plusSeconds(900));

        assertThat(store.add(ring, first)).isTrue();
        assertThat(store.add(ring, sameKid)).isFalse();
        assertThat(store.findAll(ring)).containsExactly(first);
    }

    @Test
    void rings_areSeparate() {
        SigningKeyStore store = store();
        String ring = newRing();
        String other = newRing();
        SigningKey mine = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey theirs = TestSigningKeys.anAccessKey(1, T0, T0);

        assertThat(store.add(ring, mine)).isTrue();
        assertThat(store.add(other, theirs)).as("same use and generation, other ring").isTrue();
        assertThat(store.remove(other, List.of(mine.kid()))).as("cannot remove another ring's key").isZero();

        assertThat(store.findAll(ring)).containsExactly(mine);
        assertThat(store.findAll(other)).containsExactly(theirs);
    }

    @Test
    void givenKeys_remove_deletesExactlyTheNamedOnes() {
        SigningKeyStore store = store();
        String ring = newRing();
        SigningKey old = TestSigningKeys.anAccessKey(1, T0, T0);
        SigningKey current = TestSigningKeys.anAccessKey(2, T0, T0.plusSeconds(900));
        SigningKey refresh = TestSigningKeys.aRefreshKey(1, T0, T0);
        store.add(ring, old);
        store.add(ring, current);
        store.add(ring, refresh);

        assertThat(store.remove(ring, List.of(old.kid(), TestSigningKeys.randomKid()))).isEqualTo(1);
        assertThat(store.remove(ring, List.of())).isZero();

        assertThat(store.findAll(ring)).containsExactlyInAnyOrder(current, refresh);
    }

    @Test
    void givenKeyAddedThroughOneHandle_theOtherHandle_seesIt() {
        String ring = newRing();
        SigningKey key = TestSigningKeys.anAccessKey(1, T0, T0);

        assertThat(store().add(ring, key)).isTrue();

        assertThat(otherStore().findAll(ring)).containsExactly(key);
        assertThat(otherStore().add(ring, TestSigningKeys.anAccessKey(1, T0, T0))).isFalse();
    }

    /**
     * Concurrent first starts, half on each handle: each reads the ring, creates the first key of
     * each use it finds missing, and reads again. Exactly one key per use is stored, and every
     * starter ends up with that same key.
     */
    @Test
    void givenConcurrentFirstStarts_exactlyOneKeyPerUseIsCreatedAndAllSeeIt() {
        String ring = newRing();
        SigningKeyStore[] handles = {store(), otherStore()};

        List<Racing.Outcome<KeyRing>> outcomes = Racing.race(8, i -> () -> {
            SigningKeyStore store = handles[i % 2];
            KeyRing seen = KeyRing.of(store.findAll(ring));
            for (TokenType use : TokenType.values()) {
                if (seen.isEmpty(use)) {
                    store.add(ring, TestSigningKeys.aKey(use, seen.nextGeneration(use), T0));
                }
            }
            return KeyRing.of(store.findAll(ring));
        });

        List<SigningKey> stored = store().findAll(ring);
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(SigningKey::use).containsExactlyInAnyOrder(TokenType.ACCESS, TokenType.REFRESH);
        Set<Set<KeyId>> views = new HashSet<>();
        for (Racing.Outcome<KeyRing> outcome : outcomes) {
            assertThat(outcome.succeeded()).as("no starter fails: %s", outcome.failure()).isTrue();
            views.add(outcome.value().keys().stream().map(SigningKey::kid).collect(Collectors.toSet()));
        }
        assertThat(views).containsExactly(stored.stream().map(SigningKey::kid).collect(Collectors.toSet()));
    }

    @Test
    void givenConcurrentRotations_exactlyOneNextKeyIsStored() {
        String ring = newRing();
        SigningKeyStore[] handles = {store(), otherStore()};
        store().add(ring, TestSigningKeys.anAccessKey(1, T0, T0));

        List<Racing.Outcome<Boolean>> outcomes = Racing.race(8, i -> () ->
                handles[i % 2].add(ring, TestSigningKeys.anAccessKey(2, T0, T0.plusSeconds(900))));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(outcomes.stream().filter(Racing.Outcome::value).count()).isEqualTo(1);
        assertThat(store().findAll(ring)).extracting(SigningKey::generation).containsExactlyInAnyOrder(1L, 2L);
    }
}
