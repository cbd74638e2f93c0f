package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant LOGOUT = Instant.parse("2026-11-27T10:00:00Z");
    private static final User REVOKED = new User(new UserId(1), new Username("kakao_1"), null, Nickname.of("n"), 0,
            null, LOGOUT.minusSeconds(3600), true, LOGOUT);

    private static TokenClaims access(Instant issuedAt, FamilyId family) {
        return new TokenClaims(TokenType.ACCESS, TokenId.random(), new UserId(1), new Username("kakao_1"), issuedAt,
                issuedAt.plusSeconds(60), family);
    }

    @Test
    void givenGlobalLogout_tokensOfEarlierSeconds_areRevoked() {
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT.minusSeconds(1), FamilyId.random()))).isTrue();
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT.minusSeconds(1), null))).isTrue();
    }

    @Test
    void givenGlobalLogout_aSessionTokenOfItsOwnSecond_isLeftToThatSessionsDenial() {
        // a login right after the logout, in the same second, must work (issue 9, item 6)
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT, FamilyId.random()))).isFalse();
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT.plusSeconds(1), FamilyId.random()))).isFalse();
    }

    @Test
    void givenGlobalLogout_aTokenWithoutSessionOfItsOwnSecond_isRevoked() {
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT, null))).isTrue();
        assertThat(REVOKED.sessionsRevokedFor(access(LOGOUT.plusSeconds(1), null))).isFalse();
    }

    @Test
    void givenNoGlobalLogout_nothing_isRevoked() {
        User user = new User(new UserId(1), new Username("kakao_1"), null, Nickname.of("n"), 0, null, LOGOUT, true, null);
        assertThat(user.sessionsRevokedFor(access(LOGOUT.minusSeconds(100), null))).isFalse();
    }
}
