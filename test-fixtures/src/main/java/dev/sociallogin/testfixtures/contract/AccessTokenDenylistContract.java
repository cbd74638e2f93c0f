package dev.sociallogin.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AccessTokenDenylist} promises, as seen by the instance that made the
 * revocation (it takes effect there at once). Every test uses its own random token ids, so the
 * contract can run against a database shared with parallel runs.
 */
public abstract class AccessTokenDenylistContract {

    /** The denylist under test; called at the start of every test. */
    protected abstract AccessTokenDenylist denylist();

    /** The current time for this test, in whole seconds. Override to pin it. */
    protected Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void givenDeniedToken_isDenied_isTrueAtOnce() {
        AccessTokenDenylist denylist = denylist();
        TokenId id = TokenId.random();

        denylist.deny(id, now().plus(Duration.ofHours(5)));

        assertThat(denylist.isDenied(id)).isTrue();
    }

    @Test
    void givenUnknownToken_isDenied_isFalse() {
        assertThat(denylist().isDenied(TokenId.random())).isFalse();
    }

    @Test
    void givenDeniedToken_denyAgain_isIdempotent() {
        AccessTokenDenylist denylist = denylist();
        TokenId id = TokenId.random();
        Instant expiresAt = now().plus(Duration.ofHours(5));
        denylist.deny(id, expiresAt);

        assertThatCode(() -> denylist.deny(id, expiresAt)).doesNotThrowAnyException();

        assertThat(denylist.isDenied(id)).isTrue();
    }

    @Test
    void givenExpiredAndLiveEntries_purgeExpired_forgetsOnlyEntriesExpiredBeforeNow() {
        AccessTokenDenylist denylist = denylist();
        Instant now = now();
        TokenId gone = TokenId.random();
        TokenId alsoGone = TokenId.random();
        TokenId live = TokenId.random();
        denylist.deny(gone, now.minus(Duration.ofHours(2)));
        denylist.deny(alsoGone, now.minusSeconds(1));
        denylist.deny(live, now.plus(Duration.ofHours(1)));

        int purged = denylist.purgeExpired(now);

        // the database is shared: other runs' expired entries may be purged by the same call
        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(denylist.isDenied(gone)).isFalse();
        assertThat(denylist.isDenied(alsoGone)).isFalse();
        assertThat(denylist.isDenied(live)).isTrue();
    }

    @Test
    void givenDeniedSession_isSessionDenied_isTrueAtOnce_andIndependentOfTokenIds() {
        AccessTokenDenylist denylist = denylist();
        FamilyId session = FamilyId.random();
        FamilyId other = FamilyId.random();

        denylist.denySession(session, now().plus(Duration.ofHours(5)));

        assertThat(denylist.isSessionDenied(session)).isTrue();
        assertThat(denylist.isSessionDenied(other)).isFalse();
        // a session is not a token: a jti equal to the family's id stays allowed
        assertThat(denylist.isDenied(new TokenId(session.value()))).isFalse();
        denylist.deny(new TokenId(other.value()), now().plus(Duration.ofHours(5)));
        assertThat(denylist.isSessionDenied(other)).isFalse();
    }

    @Test
    void givenLongestSessionId_denySession_fitsTheStore() {
        AccessTokenDenylist denylist = denylist();
        FamilyId longest = new FamilyId(FamilyId.random().value().substring(0, 20) + "f".repeat(FamilyId.MAX_LENGTH - 20));

        denylist.denySession(longest, now().plus(Duration.ofHours(1)));

        assertThat(denylist.isSessionDenied(longest)).isTrue();
    }

    @Test
    void givenExpiredSession_purgeExpired_forgetsIt() {
        AccessTokenDenylist denylist = denylist();
        Instant now = now();
        FamilyId gone = FamilyId.random();
        FamilyId live = FamilyId.random();
        denylist.denySession(gone, now.minusSeconds(1));
        denylist.denySession(live, now.plus(Duration.ofHours(1)));

        assertThat(denylist.purgeExpired(now)).isGreaterThanOrEqualTo(1);

        assertThat(denylist.isSessionDenied(gone)).isFalse();
        assertThat(denylist.isSessionDenied(live)).isTrue();
    }
}
