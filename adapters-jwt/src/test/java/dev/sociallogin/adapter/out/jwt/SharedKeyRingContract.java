package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.contract.Racing;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances of the token adapter on one database (each its own {@link SigningKeyStore} handle,
 * as each service instance has its own pool): they share one key ring. Runs on the in-memory fake, H2
 * and MariaDB. Each test uses its own ring (a random issuer) and deletes it afterwards.
 */
abstract class SharedKeyRingContract {

    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(15);

    // per test, also when a subclass keeps one instance for the class (its pools)
    private MutableClock clock;
    private String issuer;
    private final List<JwtTokens> instances = new ArrayList<>();

    @BeforeEach
    void newRing() {
        clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        issuer = "https://auth.example.test/" + UUID.randomUUID();
        instances.clear();
        if (cleaner == null) {
            cleaner = openStore();
        }
    }

    /** A new handle on the shared database (a new pool for a real one). */
    protected abstract SigningKeyStore openStore();

    private SigningKeyStore cleaner;

    @AfterEach
    void deleteRing() {
        instances.forEach(JwtTokens::close);
        SigningKeyStore store = cleaner == null ? openStore() : cleaner;
        store.remove(issuer, store.findAll(issuer).stream().map(SigningKey::kid).collect(Collectors.toList()));
    }

    @Test
    void givenTwoInstances_aTokenSignedAtOne_verifiesAtTheOther() {
        JwtTokens a = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);
        JwtTokens b = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);

        assertCrossVerify(a, b);
        assertThat(kids(a.signingKeys().published())).isEqualTo(kids(b.signingKeys().published())).hasSize(1);
    }

    @Test
    void givenRotationStartedAtTheFirst_bothSignWithTheNewKeyAfterPublishAhead_andOldTokensStillVerify() {
        rotationStartedAt(0);
    }

    @Test
    void givenRotationStartedAtTheSecond_bothSignWithTheNewKeyAfterPublishAhead_andOldTokensStillVerify() {
        rotationStartedAt(1);
    }

    private void rotationStartedAt(int starter) {
        JwtTokens a = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);
        JwtTokens b = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);
        String oldFromA = a.codec().encode(KeyRingCodecTest.access(clock.instant()));
        String oldFromB = b.codec().encode(KeyRingCodecTest.refresh(clock.instant()));

        KeyRotation next = instances.get(starter).signingKeys().rotate().get(0);
        clock.advance(Duration.ofMinutes(1));
        a.reload();
        b.reload(); // the periodic maintenance of every instance, well within the publish-ahead time
        assertThat(kids(a.signingKeys().published())).as("published at once, everywhere").contains(next.kid().value())
                .isEqualTo(kids(b.signingKeys().published()));
        clock.set(next.activatesAt());

        String newFromA = a.codec().encode(KeyRingCodecTest.access(clock.instant()));
        String newFromB = b.codec().encode(KeyRingCodecTest.access(clock.instant()));
        assertThat(KeyRingCodecTest.kid(newFromA)).isEqualTo(next.kid().value()).isEqualTo(KeyRingCodecTest.kid(newFromB));
        assertThat(b.codec().decode(newFromA, TokenType.ACCESS).id()).isNotNull();
        assertThat(a.codec().decode(newFromB, TokenType.ACCESS).id()).isNotNull();
        assertThat(b.codec().decode(oldFromA, TokenType.ACCESS).id()).isNotNull();
        assertThat(a.codec().decode(oldFromB, TokenType.REFRESH).id()).isNotNull();
        assertCrossVerify(a, b);
    }

    /** With no publish-ahead an instance may sign with a key the other has not read yet: the unknown kid makes it read the ring. */
    @Test
    void givenKeyTheOtherInstanceHasNotReadYet_decode_readsTheRingOnceAndVerifies() {
        JwtTokens a = start(SigningAlgorithm.ES256, Duration.ZERO);
        JwtTokens b = start(SigningAlgorithm.ES256, Duration.ZERO);
        KeyRotation next = a.signingKeys().rotate().get(0);
        clock.advance(Duration.ofSeconds(1));

        String token = a.codec().encode(KeyRingCodecTest.access(clock.instant()));

        assertThat(KeyRingCodecTest.kid(token)).isEqualTo(next.kid().value());
        assertThat(b.codec().decode(token, TokenType.ACCESS).id()).isNotNull();
    }

    @Test
    void givenConcurrentFirstStarts_exactlyOneKeyPerUseIsCreated_andEveryInstanceVerifiesEveryOthersTokens() {
        List<Racing.Outcome<JwtTokens>> outcomes = Racing.race(4, i -> () -> JwtTokens.open(settings(SigningAlgorithm.ES256, PUBLISH_AHEAD),
                KeyRingCodecTest.POLICY, openStore(), clock, 100, false));
        List<JwtTokens> started = new ArrayList<>();
        for (Racing.Outcome<JwtTokens> outcome : outcomes) {
            assertThat(outcome.succeeded()).as("start: %s", outcome.failure()).isTrue();
            started.add(outcome.value());
        }
        instances.addAll(started);

        List<SigningKey> stored = openStore().findAll(issuer);
        assertThat(stored).extracting(SigningKey::use).containsExactlyInAnyOrder(TokenType.ACCESS, TokenType.REFRESH);
        for (JwtTokens one : started) {
            for (JwtTokens other : started) {
                assertCrossVerify(one, other);
            }
        }
    }

    @Test
    void givenBothInstancesFindTheRotationDue_exactlyOneNextKeyPerUseIsCreated() {
        JwtTokens a = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);
        JwtTokens b = start(SigningAlgorithm.ES256, PUBLISH_AHEAD);
        clock.advance(Duration.ofDays(30).minus(PUBLISH_AHEAD));

        List<Racing.Outcome<Boolean>> outcomes = Racing.race(2, i -> () -> {
            instances.get(i).reload();
            return true;
        });

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(openStore().findAll(issuer)).hasSize(4);
        assertThat(kids(a.signingKeys().published())).isEqualTo(kids(b.signingKeys().published())).hasSize(2);
    }

    private JwtTokens start(SigningAlgorithm algorithm, Duration publishAhead) {
        JwtTokens tokens = JwtTokens.open(settings(algorithm, publishAhead), KeyRingCodecTest.POLICY, openStore(), clock, 100, false);
        instances.add(tokens);
        return tokens;
    }

    private JwtSettings settings(SigningAlgorithm algorithm, Duration publishAhead) {
        return new JwtSettings(issuer, algorithm, null, Duration.ofDays(30), publishAhead, java.nio.file.Path.of("target", "no-key-file"));
    }

    /** Access and refresh tokens signed at {@code one} verify at {@code other}. */
    private void assertCrossVerify(JwtTokens one, JwtTokens other) {
        TokenClaims access = KeyRingCodecTest.access(clock.instant());
        TokenClaims refresh = KeyRingCodecTest.refresh(clock.instant());
        assertThat(other.codec().decode(one.codec().encode(access), TokenType.ACCESS)).isEqualTo(access);
        assertThat(other.codec().decode(one.codec().encode(refresh), TokenType.REFRESH)).isEqualTo(refresh);
    }

    private static Set<String> kids(PublishedKeys keys) {
        return keys.keys().stream().map(key -> key.kid().value()).collect(Collectors.toSet());
    }
}
