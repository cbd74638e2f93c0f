package dev.sociallogin.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.builder.TestRefreshTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RefreshTokenStore} promises. An implementation's test extends this
 * class and supplies the store and users it accepts. The store must use the {@code now} it is
 * given (never its own clock), so tests here choose the time. Every test makes its own families
 * and token ids, so the contract can run against a database shared with parallel runs.
 *
 * <p>Pinned where the port's javadoc is silent: rotation also revokes the presented token
 * ({@code revokedAt = rotatedAt = now}); {@code revokeFamily} and {@code revokeFamiliesOfUser}
 * count tokens newly revoked, so already rotated tokens are not counted again.
 */
public abstract class RefreshTokenStoreContract {

    private static final Duration TTL = Duration.ofDays(7);

    /** The store under test; called at the start of every test and from racing threads. */
    protected abstract RefreshTokenStore store();

    /**
     * A user the store accepts tokens for, new on each call (for a database with a foreign key: a
     * freshly registered user).
     */
    protected abstract UserId aUser();

    /** The current time for this test, in whole seconds. Override to pin it. */
    protected Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** How many threads race to rotate one token. */
    protected int racingThreads() {
        return 50;
    }

    /** How many rounds of "revoke the family while rotating" are run. */
    protected int raceRounds() {
        return 30;
    }

    @Test
    void givenSavedFamily_find_returnsEveryFieldUnchanged() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = new StoredRefreshToken(TokenId.random(), FamilyId.random(), aUser(), now.minusSeconds(30),
                now.plus(TTL), now.minusSeconds(45), null, null, null);

        store.saveNewFamily(first);

        assertThat(store.find(first.id())).contains(first);
    }

    @Test
    void givenUnknownId_find_returnsEmpty() {
        assertThat(store().find(TokenId.random())).isEmpty();
    }

    @Test
    void givenActiveToken_rotate_marksItReplacedAndStoresSuccessor() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now.minusSeconds(600), TTL);
        store.saveNewFamily(first);
        StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now, TTL);

        boolean rotated = store.rotate(first.id(), successor, now);

        assertThat(rotated).isTrue();
        StoredRefreshToken presented = store.find(first.id()).orElseThrow();
        assertThat(presented.replacedBy()).isEqualTo(successor.id());
        assertThat(presented.rotatedAt()).isEqualTo(now);
        assertThat(presented.revokedAt()).isEqualTo(now);
        assertThat(presented.isActiveAt(now)).isFalse();
        assertThat(presented.issuedAt()).isEqualTo(first.issuedAt());
        assertThat(presented.expiresAt()).isEqualTo(first.expiresAt());
        assertThat(presented.familyStartedAt()).isEqualTo(first.familyStartedAt());
        assertThat(store.find(successor.id())).contains(successor);
    }

    @Test
    void givenRotatedToken_rotateAgain_returnsFalseAndChangesNothing() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(first);
        StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now, TTL);
        assertThat(store.rotate(first.id(), successor, now)).isTrue();
        StoredRefreshToken second = TestRefreshTokens.successorOf(first, now.plusSeconds(1), TTL);

        boolean again = store.rotate(first.id(), second, now.plusSeconds(1));

        assertThat(again).isFalse();
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(first.id()).orElseThrow().replacedBy()).isEqualTo(successor.id());
        assertThat(store.find(successor.id()).orElseThrow().isActiveAt(now.plusSeconds(1))).isTrue();
    }

    @Test
    void givenSuccessor_rotateIt_continuesTheChain() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(first);
        StoredRefreshToken second = TestRefreshTokens.successorOf(first, now.plusSeconds(10), TTL);
        StoredRefreshToken third = TestRefreshTokens.successorOf(second, now.plusSeconds(20), TTL);

        assertThat(store.rotate(first.id(), second, now.plusSeconds(10))).isTrue();
        assertThat(store.rotate(second.id(), third, now.plusSeconds(20))).isTrue();

        assertThat(store.find(second.id()).orElseThrow().replacedBy()).isEqualTo(third.id());
        assertThat(store.find(third.id())).contains(third);
    }

    @Test
    void givenExpiredToken_rotate_returnsFalse() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now.minus(TTL), now.minusSeconds(1));
        store.saveNewFamily(first);
        StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now, TTL);

        assertThat(store.rotate(first.id(), successor, now)).isFalse();

        assertThat(store.find(successor.id())).isEmpty();
    }

    @Test
    void givenTokenExpiringExactlyNow_rotate_returnsFalse() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now.minusSeconds(60), now);
        store.saveNewFamily(first);

        assertThat(store.rotate(first.id(), TestRefreshTokens.successorOf(first, now, TTL), now)).isFalse();
    }

    @Test
    void givenRevokedFamily_rotate_returnsFalse() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(first);
        store.revokeFamily(first.family(), now);
        StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now.plusSeconds(1), TTL);

        assertThat(store.rotate(first.id(), successor, now.plusSeconds(1))).isFalse();

        assertThat(store.find(successor.id())).isEmpty();
        StoredRefreshToken revoked = store.find(first.id()).orElseThrow();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.isRotated()).isFalse();
    }

    @Test
    void givenUnknownToken_rotate_returnsFalse() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken stranger = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);

        assertThat(store.rotate(TokenId.random(), stranger, now)).isFalse();
        assertThat(store.find(stranger.id())).isEmpty();
    }

    @Test
    void givenManyThreadsRotatingOneToken_rotate_succeedsExactlyOnceAndNamesTheWinner() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(first);
        List<StoredRefreshToken> successors = IntStream.range(0, racingThreads())
                .mapToObj(i -> TestRefreshTokens.successorOf(first, now, TTL)).toList();

        List<Racing.Outcome<Boolean>> outcomes =
                Racing.race(racingThreads(), i -> () -> store.rotate(first.id(), successors.get(i), now));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<Integer> winners = IntStream.range(0, outcomes.size()).filter(i -> outcomes.get(i).value()).boxed().toList();
        assertThat(winners).hasSize(1);
        StoredRefreshToken winner = successors.get(winners.get(0));
        assertThat(store.find(first.id()).orElseThrow().replacedBy()).isEqualTo(winner.id());
        assertThat(store.find(winner.id())).contains(winner);
        for (StoredRefreshToken loser : successors) {
            if (loser != winner) {
                assertThat(store.find(loser.id())).isEmpty();
            }
        }
    }

    @Test
    void givenRotatedFamily_revokeFamily_revokesEveryTokenIncludingTheSuccessor() {
        RefreshTokenStore store = store();
        Instant now = now();
        UserId user = aUser();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        store.saveNewFamily(first);
        StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now, TTL);
        store.rotate(first.id(), successor, now);
        StoredRefreshToken otherFamily = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        store.saveNewFamily(otherFamily);
        Instant later = now.plusSeconds(5);

        int revoked = store.revokeFamily(first.family(), later);

        assertThat(revoked).as("only the successor was still unrevoked").isEqualTo(1);
        StoredRefreshToken revokedSuccessor = store.find(successor.id()).orElseThrow();
        assertThat(revokedSuccessor.revokedAt()).isEqualTo(later);
        assertThat(revokedSuccessor.isRotated()).isFalse();
        assertThat(store.find(first.id()).orElseThrow().isActiveAt(later)).isFalse();
        assertThat(store.find(otherFamily.id())).contains(otherFamily);
        assertThat(store.revokeFamily(first.family(), later.plusSeconds(1))).as("idempotent").isZero();
    }

    @Test
    void givenFreshFamily_revokeFamily_countsItsToken() {
        RefreshTokenStore store = store();
        Instant now = now();
        StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(first);

        assertThat(store.revokeFamily(first.family(), now)).isEqualTo(1);
        assertThat(store.find(first.id()).orElseThrow().revokedAt()).isEqualTo(now);
    }

    @Test
    void givenUnknownFamily_revokeFamily_returnsZero() {
        assertThat(store().revokeFamily(FamilyId.random(), now())).isZero();
    }

    @Test
    void givenRevokeFamilyRacingRotate_neverLeavesAnActiveTokenInTheFamily() {
        RefreshTokenStore store = store();
        Instant now = now();
        UserId user = aUser();
        for (int round = 0; round < raceRounds(); round++) {
            StoredRefreshToken first = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
            store.saveNewFamily(first);
            StoredRefreshToken successor = TestRefreshTokens.successorOf(first, now, TTL);

            List<Racing.Outcome<Object>> outcomes = Racing.race(2, i -> i == 0
                    ? () -> store.rotate(first.id(), successor, now)
                    : () -> store.revokeFamily(first.family(), now));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            assertThat(store.find(first.id()).orElseThrow().isActiveAt(now)).as("round %d, presented", round).isFalse();
            Optional<StoredRefreshToken> stored = store.find(successor.id());
            assertThat(stored.isPresent()).as("round %d: successor stored iff rotation won", round)
                    .isEqualTo((Boolean) outcomes.get(0).value());
            if (stored.isPresent()) {
                assertThat(stored.get().isActiveAt(now)).as("round %d, successor", round).isFalse();
            }
        }
    }

    @Test
    void givenUserWithThreeFamilies_revokeFamiliesOfUser_keepingOne_revokesTheOthers() {
        RefreshTokenStore store = store();
        Instant now = now();
        UserId user = aUser();
        StoredRefreshToken keep = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        StoredRefreshToken a = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        StoredRefreshToken b = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        StoredRefreshToken someoneElse = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        List.of(keep, a, b, someoneElse).forEach(store::saveNewFamily);
        StoredRefreshToken aSuccessor = TestRefreshTokens.successorOf(a, now, TTL);
        store.rotate(a.id(), aSuccessor, now);

        List<FamilyId> revoked = store.revokeFamiliesOfUser(user, keep.family(), now.plusSeconds(1));

        assertThat(revoked).containsExactlyInAnyOrder(a.family(), b.family());
        assertThat(store.find(keep.id())).contains(keep);
        assertThat(store.find(aSuccessor.id()).orElseThrow().isRevoked()).isTrue();
        assertThat(store.find(b.id()).orElseThrow().isRevoked()).isTrue();
        assertThat(store.find(someoneElse.id())).contains(someoneElse);
        StoredRefreshToken afterA = TestRefreshTokens.successorOf(aSuccessor, now.plusSeconds(2), TTL);
        assertThat(store.rotate(aSuccessor.id(), afterA, now.plusSeconds(2))).isFalse();
    }

    @Test
    void givenUserWithFamilies_revokeFamiliesOfUser_withoutKeep_revokesAll() {
        RefreshTokenStore store = store();
        Instant now = now();
        UserId user = aUser();
        List<StoredRefreshToken> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StoredRefreshToken t = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
            store.saveNewFamily(t);
            tokens.add(t);
        }
        StoredRefreshToken someoneElse = TestRefreshTokens.firstOfNewFamily(aUser(), now, TTL);
        store.saveNewFamily(someoneElse);

        List<FamilyId> revoked = store.revokeFamiliesOfUser(user, null, now);

        assertThat(revoked).containsExactlyInAnyOrderElementsOf(tokens.stream().map(StoredRefreshToken::family).toList());
        assertThat(tokens).allSatisfy(t -> assertThat(store.find(t.id()).orElseThrow().revokedAt()).isEqualTo(now));
        assertThat(store.find(someoneElse.id())).contains(someoneElse);
        assertThat(store.revokeFamiliesOfUser(user, null, now)).as("revoked before").isEmpty();
    }

    @Test
    void givenExpiredAndLiveTokens_purgeExpired_deletesOnlyTokensExpiredBeforeNow() {
        RefreshTokenStore store = store();
        Instant now = now();
        UserId user = aUser();
        StoredRefreshToken longGone = TestRefreshTokens.firstOfNewFamily(user, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(2)));
        StoredRefreshToken justGone = TestRefreshTokens.firstOfNewFamily(user, now.minusSeconds(120), now.minusSeconds(1));
        StoredRefreshToken live = TestRefreshTokens.firstOfNewFamily(user, now, TTL);
        List.of(longGone, justGone, live).forEach(store::saveNewFamily);
        // a rotated family whose first token expired but whose successor lives
        StoredRefreshToken oldFirst = TestRefreshTokens.firstOfNewFamily(user, now.minus(Duration.ofDays(1)), now.plusSeconds(60));
        store.saveNewFamily(oldFirst);
        StoredRefreshToken liveSuccessor = TestRefreshTokens.successorOf(oldFirst, now, TTL);
        store.rotate(oldFirst.id(), liveSuccessor, now);

        int purged = store.purgeExpired(now.plusSeconds(120));

        // the database is shared: other runs' expired tokens may be purged by the same call
        assertThat(purged).isGreaterThanOrEqualTo(3);
        assertThat(store.find(longGone.id())).isEmpty();
        assertThat(store.find(justGone.id())).isEmpty();
        assertThat(store.find(oldFirst.id())).isEmpty();
        assertThat(store.find(live.id())).contains(live);
        assertThat(store.find(liveSuccessor.id())).contains(liveSuccessor);
        StoredRefreshToken next = TestRefreshTokens.successorOf(liveSuccessor, now.plusSeconds(130), TTL);
        assertThat(store.rotate(liveSuccessor.id(), next, now.plusSeconds(130))).as("its family survives").isTrue();
    }
}
