package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Username ALICE = new Username("kakao_1");

    @Test
    void givenFractionalSeconds_constructor_refuses() {
        assertThatThrownBy(() -> TokenClaims.access(TokenId.random(), new UserId(1), ALICE, T0.plusMillis(5), T0.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenRefreshWithoutFamily_constructor_refuses_whileAccessMayNameItsSessionOrNot() {
        FamilyId session = FamilyId.random();
        assertThat(TokenClaims.access(TokenId.random(), new UserId(1), ALICE, T0, T0.plusSeconds(1), session).optionalFamily())
                .contains(session);
        assertThat(TokenClaims.access(TokenId.random(), new UserId(1), ALICE, T0, T0.plusSeconds(1)).optionalFamily()).isEmpty();
        assertThatThrownBy(() -> new FamilyId("f".repeat(FamilyId.MAX_LENGTH + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenClaims(TokenType.REFRESH, TokenId.random(), new UserId(1), ALICE, T0, T0.plusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenExpiryNotAfterIssue_constructor_refuses() {
        assertThatThrownBy(() -> TokenClaims.access(TokenId.random(), new UserId(1), ALICE, T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedToken_claims_giveBackTheIssuedClaims() {
        TokenClaims issued = TokenClaims.refresh(TokenId.random(), new UserId(7), ALICE, T0, T0.plusSeconds(3600), FamilyId.random());
        StoredRefreshToken stored = StoredRefreshToken.issued(issued, T0);
        assertThat(stored.claims(ALICE)).isEqualTo(issued);
        assertThat(stored.isActiveAt(T0)).isTrue();
        assertThat(stored.isActiveAt(T0.plusSeconds(3600))).isFalse();
    }

    @Test
    void userId_parse_acceptsOnlyPositiveDecimals() {
        assertThat(UserId.parse("42")).isEqualTo(new UserId(42));
        assertThatThrownBy(() -> UserId.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.parse("1e3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.parse("99999999999999999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void profile_verifiedEmail_onlyWhenTheProviderVouches() {
        SocialIdentity id = new SocialIdentity(ProviderName.KAKAO, "1");
        Email email = new Email("a@b.c");
        assertThat(new ProviderProfile(id, email, true, Nickname.of("n")).verifiedEmail()).contains(email);
        assertThat(new ProviderProfile(id, email, false, Nickname.of("n")).verifiedEmail()).isEmpty();
        assertThat(NewUser.from(new ProviderProfile(id, email, false, Nickname.of("n")), T0).email()).isNull();
        assertThat(NewUser.from(new ProviderProfile(id, email, true, Nickname.of("n")), T0).property()).isEqualTo(3_000_000L);
    }
}
