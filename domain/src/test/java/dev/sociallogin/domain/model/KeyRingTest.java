package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration PUBLISH_AHEAD = Duration.ofMinutes(15);
    private static final Duration ROTATION = Duration.ofDays(30);
    /** 5 h access tokens, 7 d refresh tokens. */
    private static final TokenPolicy POLICY = TokenPolicy.DEFAULTS;

    private final SigningKey first = key("k1", TokenType.ACCESS, 1, T0, T0);
    private final SigningKey second = key("k2", TokenType.ACCESS, 2, T0.plus(Duration.ofDays(30)).minus(PUBLISH_AHEAD), T0.plus(Duration.ofDays(30)));
    private final SigningKey refresh = key("r1", TokenType.REFRESH, 1, T0, T0);

    @Test
    void givenTwoGenerations_signingKeyAt_choosesByIssuedAtNotByCreation() {
        KeyRing ring = KeyRing.of(List.of(second, refresh, first));
        Instant switchAt = second.activatesAt();

        assertThat(ring.signingKeyAt(TokenType.ACCESS, switchAt.minusSeconds(1))).contains(first);
        assertThat(ring.signingKeyAt(TokenType.ACCESS, switchAt)).contains(second);
        assertThat(ring.signingKeyAt(TokenType.ACCESS, T0.minusSeconds(3))).as("clock slightly behind the first key").contains(first);
        assertThat(ring.signingKeyAt(TokenType.REFRESH, switchAt)).contains(refresh);
        assertThat(KeyRing.of(List.of(first)).signingKeyAt(TokenType.REFRESH, T0)).isEmpty();
    }

    @Test
    void givenKeyLifecycle_stateAt_followsPublishSignRetireRemove() {
        KeyRing ring = KeyRing.of(List.of(first, second));
        Instant retired = second.activatesAt();

        assertThat(ring.stateAt(second, second.createdAt(), POLICY)).isEqualTo(KeyState.PUBLISHED);
        assertThat(ring.stateAt(first, retired.minusSeconds(1), POLICY)).isEqualTo(KeyState.SIGNING);
        assertThat(ring.stateAt(second, retired, POLICY)).isEqualTo(KeyState.SIGNING);
        assertThat(ring.stateAt(first, retired, POLICY)).isEqualTo(KeyState.RETIRED);
        assertThat(ring.stateAt(first, retired.plus(POLICY.accessTtl()).minusSeconds(1), POLICY)).isEqualTo(KeyState.RETIRED);
        assertThat(ring.stateAt(first, retired.plus(POLICY.accessTtl()), POLICY)).isEqualTo(KeyState.REMOVED);
        assertThat(ring.removableAt(retired.plus(POLICY.accessTtl()), POLICY)).containsExactly(first);
        assertThat(ring.removableAt(retired.plus(Duration.ofDays(3650)), POLICY)).as("never the newest").containsExactly(first);
    }

    @Test
    void givenRetiredRefreshKey_stateAt_keepsItForTheRefreshLifetime() {
        SigningKey next = key("r2", TokenType.REFRESH, 2, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));
        KeyRing ring = KeyRing.of(List.of(refresh, next));

        assertThat(ring.stateAt(refresh, next.activatesAt().plus(Duration.ofDays(6)), POLICY)).isEqualTo(KeyState.RETIRED);
        assertThat(ring.stateAt(refresh, next.activatesAt().plus(POLICY.refreshTtl()), POLICY)).isEqualTo(KeyState.REMOVED);
    }

    @Test
    void givenTwoKeysActivatingTogether_theLaterGenerationSigns() {
        SigningKey a = key("ka", TokenType.ACCESS, 2, T0, T0.plusSeconds(900));
        SigningKey b = key("kb", TokenType.ACCESS, 3, T0, T0.plusSeconds(900));
        KeyRing ring = KeyRing.of(List.of(b, first, a));

        assertThat(ring.keys(TokenType.ACCESS)).containsExactly(first, a, b);
        assertThat(ring.signingKeyAt(TokenType.ACCESS, T0.plusSeconds(900))).contains(b);
        assertThat(ring.stateAt(a, T0.plusSeconds(900), POLICY)).isEqualTo(KeyState.RETIRED);
        assertThat(ring.newest(TokenType.ACCESS)).contains(b);
        assertThat(ring.nextGeneration(TokenType.ACCESS)).isEqualTo(4);
        assertThat(ring.nextGeneration(TokenType.REFRESH)).isEqualTo(1);
    }

    @Test
    void rotationDue_onlyOncePublishAheadBeforeThePeriodEndsAndNotWhileAKeyIsPending() {
        KeyRing one = KeyRing.of(List.of(first));
        Instant due = T0.plus(ROTATION).minus(PUBLISH_AHEAD);

        assertThat(one.rotationDue(TokenType.ACCESS, due.minusSeconds(1), ROTATION, PUBLISH_AHEAD)).isFalse();
        assertThat(one.rotationDue(TokenType.ACCESS, due, ROTATION, PUBLISH_AHEAD)).isTrue();
        assertThat(one.rotationDue(TokenType.ACCESS, due.plus(Duration.ofDays(400)), Duration.ZERO, PUBLISH_AHEAD))
                .as("PT0S: only by command").isFalse();
        assertThat(KeyRing.of(List.of(first, second)).rotationDue(TokenType.ACCESS, due, ROTATION, PUBLISH_AHEAD))
                .as("the next key already exists").isFalse();
        assertThat(KeyRing.empty().rotationDue(TokenType.ACCESS, due, ROTATION, PUBLISH_AHEAD)).isFalse();
    }

    @Test
    void nextActivation_isAtOnceForTheFirstKeyAndNeverSoonerThanPublishAheadAfter() {
        KeyRing one = KeyRing.of(List.of(first));
        Instant onTime = T0.plus(ROTATION).minus(PUBLISH_AHEAD);
        Instant late = T0.plus(ROTATION).plus(Duration.ofDays(2));

        assertThat(KeyRing.empty().nextActivation(TokenType.ACCESS, T0.plusMillis(700), ROTATION, PUBLISH_AHEAD)).isEqualTo(T0);
        assertThat(one.nextActivation(TokenType.ACCESS, onTime, ROTATION, PUBLISH_AHEAD)).isEqualTo(T0.plus(ROTATION));
        assertThat(one.nextActivation(TokenType.ACCESS, late, ROTATION, PUBLISH_AHEAD)).isEqualTo(late.plus(PUBLISH_AHEAD));
        assertThat(one.nextActivation(TokenType.ACCESS, T0.plusSeconds(5), Duration.ZERO, PUBLISH_AHEAD))
                .isEqualTo(T0.plusSeconds(5).plus(PUBLISH_AHEAD));
    }

    @Test
    void oldestCreatedAt_isTheFirstKeyStillInTheRing() {
        assertThat(KeyRing.of(List.of(second, first)).oldestCreatedAt(TokenType.ACCESS)).contains(T0);
        assertThat(KeyRing.of(List.of(second)).oldestCreatedAt(TokenType.ACCESS)).contains(second.createdAt());
        assertThat(KeyRing.empty().oldestCreatedAt(TokenType.ACCESS)).isEmpty();
    }

    @Test
    void givenDuplicateKid_of_refuses_andForeignKey_stateAt_refuses() {
        assertThatThrownBy(() -> KeyRing.of(List.of(first, first))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.of(List.of(first)).stateAt(second, T0, POLICY)).isInstanceOf(IllegalArgumentException.class);
    }

    static SigningKey key(String kid, TokenType use, long generation, Instant createdAt, Instant activatesAt) {
        SigningAlgorithm algorithm = use == TokenType.ACCESS ? SigningAlgorithm.ES256 : SigningAlgorithm.HS256;
        byte[] publicPart = algorithm.isSymmetric() ? new byte[0] : new byte[] {4, 5, 6};
        return new SigningKey(new KeyId(kid), use, algorithm, generation, new byte[] {1, 2, 3}, publicPart, createdAt, activatesAt);
    }
}
