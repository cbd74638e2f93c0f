package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final FakeTokenCodec codec = new FakeTokenCodec(clock, TokenPolicy.DEFAULTS);

    private final TokenClaims access = TokenClaims.access(new TokenId("a-1"), new UserId(42), new Username("kakao_4242"),
            NOW, NOW.plus(Duration.ofHours(5)));
    private final TokenClaims refresh = TokenClaims.refresh(new TokenId("r-1"), new UserId(42), new Username("kakao_4242"),
            NOW, NOW.plus(Duration.ofDays(7)), new FamilyId("f-1"));

    @Test
    void givenClaims_encodeThenDecode_roundTripsEveryField() {
        assertThat(codec.decode(codec.encode(access), TokenType.ACCESS)).isEqualTo(access);
        assertThat(codec.decode(codec.encode(refresh), TokenType.REFRESH)).isEqualTo(refresh);
        assertThat(codec.decodeAny(codec.encode(refresh))).isEqualTo(refresh);
    }

    @Test
    void givenSameClaims_encode_givesTheSameString() {
        assertThat(codec.encode(refresh)).isEqualTo(new FakeTokenCodec(MutableClock.at(NOW)).encode(refresh));
        assertThat(codec.encode(access)).isNotEqualTo(codec.encode(refresh));
    }

    @Test
    void givenUnicodeAndDotsInFields_encodeThenDecode_roundTrips() {
        TokenClaims odd = TokenClaims.access(new TokenId("a.b.c"), new UserId(7), new Username("naver_x.y 가😀"),
                NOW, NOW.plusSeconds(60));
        assertThat(codec.decodeAny(codec.encode(odd))).isEqualTo(odd);
    }

    @Test
    void givenWrongType_decode_isNotValid() {
        assertError(() -> codec.decode(codec.encode(access), TokenType.REFRESH), ErrorCode.TOKEN_NOT_VALID);
        assertError(() -> codec.decode(codec.encode(refresh), TokenType.ACCESS), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTokenAtOrPastExpiry_decode_isExpired() {
        String token = codec.encode(access);
        clock.set(access.expiresAt().minusSeconds(1));
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(access);

        clock.set(access.expiresAt());
        assertError(() -> codec.decode(token, TokenType.ACCESS), ErrorCode.TOKEN_EXPIRED);
        assertError(() -> codec.decodeAny(token), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenTamperedPayload_decode_isNotValid() {
        String token = codec.encode(access);
        String[] parts = token.split("\\.");
        // claim another user id, keep the old MAC
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes(StandardCharsets.UTF_8));
        String forged = String.join(".", parts);

        assertError(() -> codec.decode(forged, TokenType.ACCESS), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenFlippedMacCharacter_decode_isNotValid() {
        String token = codec.encode(refresh);
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertError(() -> codec.decode(forged, TokenType.REFRESH), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredAndTampered_decode_isNotValidRatherThanExpired() {
        String token = codec.encode(access);
        clock.set(access.expiresAt().plusSeconds(60));
        String forged = token.substring(0, token.length() - 2) + "xx";

        assertError(() -> codec.decodeAny(forged), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredTokenOfTheWrongType_decode_isNotValidRatherThanExpired() {
        String token = codec.encode(refresh);
        clock.set(refresh.expiresAt().plusSeconds(1));

        assertError(() -> codec.decode(token, TokenType.ACCESS), ErrorCode.TOKEN_NOT_VALID);
        assertError(() -> codec.decode(token, TokenType.REFRESH), ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenIssuedInTheFuture_decode_isNotValidBeyondTheClockSkew() {
        String token = codec.encode(access);
        clock.set(NOW.minus(FakeTokenCodec.IAT_CLOCK_SKEW));
        assertThat(codec.decodeAny(token)).isEqualTo(access);

        clock.set(NOW.minus(FakeTokenCodec.IAT_CLOCK_SKEW).minusSeconds(1));
        assertError(() -> codec.decodeAny(token), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenLifetimeLongerThanPolicy_decodeRefusesAndEncodeRefuses() {
        TokenClaims tooLong = TokenClaims.access(TokenId.random(), new UserId(1), new Username("kakao_1"), NOW,
                NOW.plus(Duration.ofHours(5)).plusSeconds(1));
        FakeTokenCodec lenient = new FakeTokenCodec(clock);
        String token = lenient.encode(tooLong);

        assertThat(lenient.decodeAny(token)).isEqualTo(tooLong);
        assertError(() -> codec.decodeAny(token), ErrorCode.TOKEN_NOT_VALID);
        assertThatThrownBy(() -> codec.encode(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "garbage", "a.b", "ft1.x.y.z", "ft1........", "ft1.%%%.b.c.d.e.f.g.h"})
    void givenGarbage_decode_isNotValid(String token) {
        assertError(() -> codec.decodeAny(token), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenOversizedToken_decode_isNotValid() {
        assertError(() -> codec.decodeAny("ft1." + "a".repeat(9 * 1024)), ErrorCode.TOKEN_NOT_VALID);
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
