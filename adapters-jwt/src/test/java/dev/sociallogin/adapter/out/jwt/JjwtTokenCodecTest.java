package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JjwtTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ISSUER = "https://auth.example.test";
    private static final Duration ACCESS_TTL = Duration.ofHours(5);
    private static final Duration REFRESH_TTL = Duration.ofDays(7);
    private static final byte[] SECRET = bytes(32, 7);
    private static final byte[] OTHER_SECRET = bytes(32, 8);

    private final MovableClock clock = new MovableClock(NOW);
    private final JjwtTokenCodec codec = codec(SECRET, clock);

    // ---------------------------------------------------------------- round trips and determinism

    @Test
    void givenOtherSpellingsOfAValidToken_decode_refusesThem() {
        // issue 9, item 5: one token, one string
        String token = codec.encode(accessClaims());
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char last = signature.charAt(signature.length() - 1);
        // a 32-byte HMAC is 43 characters: the last one carries 4 unused bits; flipping one of them decodes the same
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String otherPadding = token.substring(0, token.length() - 1) + sameBytes;
        java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
        assertThat(decoder.decode(otherPadding.substring(otherPadding.lastIndexOf('.') + 1))).isEqualTo(decoder.decode(signature));

        for (String spelling : List.of(otherPadding, token + "=", token + "==",
                token.substring(0, token.indexOf('.')) + "=" + token.substring(token.indexOf('.')))) {
            assertThatThrownBy(() -> codec.decodeAny(spelling)).as(spelling)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_NOT_VALID));
        }
        assertThat(codec.decodeAny(token)).isEqualTo(accessClaims());
    }

    @Test
    void givenAccessClaims_encodeThenDecode_returnsTheSameClaims() {
        TokenClaims claims = accessClaims();

        String token = codec.encode(claims);

        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(claims);
        assertThat(codec.decodeAny(token)).isEqualTo(claims);
    }

    @Test
    void givenRefreshClaims_encodeThenDecode_returnsTheSameClaimsWithFamily() {
        TokenClaims claims = refreshClaims();

        String token = codec.encode(claims);

        assertThat(codec.decode(token, TokenType.REFRESH)).isEqualTo(claims);
        assertThat(codec.decodeAny(token).optionalFamily()).contains(new FamilyId("family-1"));
    }

    @Test
    void givenSameClaims_encode_givesByteIdenticalStrings() {
        JjwtTokenCodec otherInstance = codec(SECRET, Clock.systemUTC());

        String first = codec.encode(refreshClaims());
        String second = codec.encode(refreshClaims());
        String third = otherInstance.encode(refreshClaims());

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void encode_writesKidAndAlgHeaderAndClaimsInFixedOrder() {
        String[] parts = codec.encode(refreshClaims()).split("\\.");

        assertThat(decodeSegment(parts[0])).isEqualTo("{\"kid\":\"" + KID + "\",\"alg\":\"HS256\"}");
        assertThat(KID).startsWith("hs-").doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET).substring(0, 8));
        long iat = NOW.minusSeconds(60).getEpochSecond();
        assertThat(decodeSegment(parts[1])).isEqualTo("{\"iss\":\"" + ISSUER + "\",\"sub\":\"42\","
                + "\"username\":\"kakao_4242\",\"token_type\":\"refresh\",\"jti\":\"jti-r\","
                + "\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + ",\"family\":\"family-1\"}");
    }

    @Test
    void givenSixtyFourByteSecret_encode_stillSignsHs256() {
        JjwtTokenCodec strong = codec(bytes(64, 3), clock);

        String token = strong.encode(accessClaims());

        assertThat(decodeSegment(token.split("\\.")[0])).endsWith("\"alg\":\"HS256\"}");
        assertThat(strong.decode(token, TokenType.ACCESS)).isEqualTo(accessClaims());
    }

    @Test
    void givenSixtyFourByteKeyNamedHmacSha512_encode_stillSignsHs256() {
        // what jjwt's Keys.hmacShaKeyFor returns for 64 bytes: left to itself, jjwt would sign HS512
        SecretKey hmacSha512Key = new SecretKeySpec(bytes(64, 3), "HmacSHA512");
        JjwtTokenCodec strong = codec(hmacSha512Key, ISSUER, clock);

        String token = strong.encode(accessClaims());

        assertThat(decodeSegment(token.split("\\.")[0])).endsWith("\"alg\":\"HS256\"}");
        assertThat(strong.decode(token, TokenType.ACCESS)).isEqualTo(accessClaims());
    }

    @Test
    void givenHandBuiltValidToken_decode_acceptsIt() {
        // proves the forging helpers build a token the codec accepts, so each refusal below is
        // caused by the one thing that test changes
        String token = forge(HS256_HEADER, json(validAccess()));

        assertThat(codec.decode(token, TokenType.ACCESS).id()).isEqualTo(new TokenId("jti-1"));
    }

    @Test
    void givenClaimsLongerThanConfiguredLifetime_encode_refuses() {
        TokenClaims tooLong = TokenClaims.access(new TokenId("x"), new UserId(1), new Username("kakao_1"),
                NOW, NOW.plus(ACCESS_TTL).plusSeconds(1));

        assertThatThrownBy(() -> codec.encode(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- algorithm and form

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void givenAlgNone_decode_isNotValid(String alg) {
        String header = "{\"alg\":\"" + alg + "\"}";
        String unsigned = segment(header) + "." + segment(json(validAccess())) + ".";
        String signedAnyway = forge(header, json(validAccess()));

        assertRefused(unsigned, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(signedAnyway, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenHs512SignedWithOurKey_decode_isNotValid() {
        String token = forge("{\"alg\":\"HS512\"}", json(validAccess()), SECRET, "HmacSHA512");

        assertRefused(token, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenHs512WithSixtyFourByteKey_decode_isNotValid() {
        byte[] strongSecret = bytes(64, 3);
        JjwtTokenCodec strong = codec(strongSecret, clock);
        String token = Jwts.builder().issuer(ISSUER).subject("42").claim("username", "kakao_4242")
                .claim("token_type", "access").id("jti-1")
                .issuedAt(java.util.Date.from(NOW)).expiration(java.util.Date.from(NOW.plusSeconds(60)))
                .signWith(new SecretKeySpec(strongSecret, "HmacSHA512"), Jwts.SIG.HS512).compact();

        assertRefused(strong, token, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenHs256WithAnotherKey_decode_isNotValid() {
        String token = forge(HS256_HEADER, json(validAccess()), OTHER_SECRET, "HmacSHA256");
        String viaOtherCodec = codec(OTHER_SECRET, clock).encode(accessClaims());

        assertRefused(token, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(viaOtherCodec, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenJwe_decode_isNotValid() {
        SecretKey key = new SecretKeySpec(SECRET, "AES");
        String jwe = Jwts.builder().issuer(ISSUER).subject("42").claim("username", "kakao_4242")
                .claim("token_type", "access").id("jti-1")
                .issuedAt(java.util.Date.from(NOW)).expiration(java.util.Date.from(NOW.plusSeconds(60)))
                .encryptWith(key, Jwts.ENC.A256GCM).compact();
        assertThat(jwe.split("\\.", -1)).hasSize(5);

        assertRefused(jwe, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenFourPartToken_decode_isNotValid() {
        String token = codec.encode(accessClaims());

        assertRefused(token + ".e30", ErrorCode.TOKEN_NOT_VALID);
        assertRefused(token + ".", ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "..", "...", "a.b", "e30.e30.", "e30.e30.e30",
            "eyJhbGciOiJIUzI1NiJ9.not*base64.sig", "{\"alg\":\"HS256\"}.{}.x", "Bearer x.y.z"})
    void givenGarbage_decode_isNotValid(String garbage) {
        assertRefused(garbage, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTamperedPayload_decode_isNotValid() {
        String[] parts = codec.encode(accessClaims()).split("\\.");
        String elevated = segment(json(with(validAccess(), "sub", "1")));

        assertRefused(parts[0] + "." + elevated + "." + parts[2], ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n"})
    void givenNoToken_decode_isNotValid(String nothing) {
        assertRefused(nothing, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTokenOverEightKib_decode_isNotValidWhileSlightlySmallerOneIsAccepted() {
        String small = forge(HS256_HEADER, json(with(validAccess(), "pad", "x".repeat(5_500))));
        String large = forge(HS256_HEADER, json(with(validAccess(), "pad", "x".repeat(6_900))));
        assertThat(small.length()).isLessThan(JjwtTokenCodec.MAX_TOKEN_CHARS);
        assertThat(large.length()).isBetween(9 * 1024, 10 * 1024);

        assertThat(codec.decode(small, TokenType.ACCESS).id()).isEqualTo(new TokenId("jti-1"));
        assertRefused(large, ErrorCode.TOKEN_NOT_VALID);
    }

    // ---------------------------------------------------------------- strict JSON

    @Test
    void givenDuplicatedClaims_decode_isNotValid() {
        String base = json(validAccess());
        String duplicatedSub = base.replace("{", "{\"sub\":\"1\",");
        String duplicatedType = base.replace("}", ",\"token_type\":\"refresh\"}");
        String duplicatedExp = base.replace("}", ",\"exp\":" + NOW.plus(Duration.ofDays(365)).getEpochSecond() + "}");

        assertRefused(forge(HS256_HEADER, duplicatedSub), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, duplicatedType), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, duplicatedExp), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenDuplicatedHeaderParameter_decode_isNotValid() {
        assertRefused(forge("{\"alg\":\"HS256\",\"alg\":\"none\"}", json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTrailingContentAfterPayloadJson_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(validAccess()) + "{}"), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenStringTypedExp_decode_isNotValid() {
        long exp = NOW.plusSeconds(3000).getEpochSecond();

        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "exp", Long.toString(exp)))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "exp", "2026-01-01T01:00:00Z"))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "exp", new Raw(exp + ".5")))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenStringTypedIat_decode_isNotValid() {
        String iat = Long.toString(NOW.minusSeconds(60).getEpochSecond());

        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "iat", iat))), ErrorCode.TOKEN_NOT_VALID);
    }

    // ---------------------------------------------------------------- times

    @Test
    void givenMissingExp_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "exp"))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenMissingIat_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "iat"))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenIatInTheFuture_decode_isNotValid() {
        long future = NOW.plusSeconds(60).getEpochSecond();
        Map<String, Object> claims = with(with(validAccess(), "iat", future), "exp", future + 600);

        assertRefused(forge(HS256_HEADER, json(claims)), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenIatWithinClockSkew_decode_acceptsIt() {
        long slightlyAhead = NOW.plus(JjwtTokenCodec.IAT_CLOCK_SKEW).getEpochSecond();
        Map<String, Object> claims = with(with(validAccess(), "iat", slightlyAhead), "exp", slightlyAhead + 600);
        Map<String, Object> beyond = with(with(validAccess(), "iat", slightlyAhead + 1), "exp", slightlyAhead + 601);

        assertThat(codec.decode(forge(HS256_HEADER, json(claims)), TokenType.ACCESS).issuedAt())
                .isEqualTo(Instant.ofEpochSecond(slightlyAhead));
        assertRefused(forge(HS256_HEADER, json(beyond)), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenLifetimeLongerThanConfigured_decode_isNotValid() {
        long iat = NOW.minusSeconds(60).getEpochSecond();
        Map<String, Object> exactlyTtl = with(validAccess(), "exp", iat + ACCESS_TTL.toSeconds());
        Map<String, Object> oneSecondMore = with(validAccess(), "exp", iat + ACCESS_TTL.toSeconds() + 1);
        Map<String, Object> refreshLong = with(validAccess(), "exp", iat + REFRESH_TTL.toSeconds());

        assertThat(codec.decode(forge(HS256_HEADER, json(exactlyTtl)), TokenType.ACCESS)).isNotNull();
        assertRefused(forge(HS256_HEADER, json(oneSecondMore)), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(refreshLong)), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRefreshLifetimeLongerThanConfigured_decode_isNotValid() {
        long iat = NOW.minusSeconds(60).getEpochSecond();
        Map<String, Object> tooLong = with(validRefresh(), "exp", iat + REFRESH_TTL.toSeconds() + 1);

        assertRefused(codec, forge(HS256_HEADER, json(tooLong)), TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpNotAfterIat_decode_isNotValid() {
        long iat = NOW.minusSeconds(60).getEpochSecond();

        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "exp", iat))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTokenPastExp_decode_isExpired() {
        TokenClaims claims = accessClaims();
        String token = codec.encode(claims);

        clock.set(claims.expiresAt().minusSeconds(1));
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(claims);

        clock.set(claims.expiresAt());
        assertRefused(token, ErrorCode.TOKEN_EXPIRED);

        clock.set(claims.expiresAt().plus(Duration.ofDays(1)));
        assertRefused(token, ErrorCode.TOKEN_EXPIRED);
        assertRefused(codec, token, null, ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenExpiredTokenWithWrongSignature_decode_isNotValidNotExpired() {
        String token = codec(OTHER_SECRET, clock).encode(accessClaims());
        clock.set(NOW.plus(Duration.ofDays(1)));

        assertRefused(token, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenExpiredTokenOfWrongTypeOrIssuer_decode_isNotValidNotExpired() {
        String refresh = codec.encode(refreshClaims());
        String foreign = forge(HS256_HEADER, json(with(validAccess(), "iss", "https://evil.example")));
        clock.set(NOW.plus(Duration.ofDays(30)));

        assertRefused(codec, refresh, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(foreign, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenNotBeforeInTheFuture_decode_isNotValid() {
        long nbf = NOW.plusSeconds(600).getEpochSecond();

        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "nbf", nbf))), ErrorCode.TOKEN_NOT_VALID);
    }

    // ---------------------------------------------------------------- claims

    @Test
    void givenAccessTokenWhereRefreshExpected_decode_isNotValid() {
        assertRefused(codec, codec.encode(accessClaims()), TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRefreshTokenWhereAccessExpected_decode_isNotValid() {
        assertRefused(codec, codec.encode(refreshClaims()), TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESS", "id", "", "refresh_token"})
    void givenUnknownTokenType_decodeAny_isNotValid(String type) {
        assertRefused(codec, forge(HS256_HEADER, json(with(validAccess(), "token_type", type))), null,
                ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenMissingTokenType_decodeAny_isNotValid() {
        assertRefused(codec, forge(HS256_HEADER, json(without(validAccess(), "token_type"))), null,
                ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenWrongOrMissingIssuer_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "iss", "https://evil.example"))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "iss", ISSUER + "/"))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "iss"))), ErrorCode.TOKEN_NOT_VALID);
        String viaOtherIssuer = codec(JwtKeys.fromBytes(SECRET), "other-issuer", clock).encode(accessClaims());
        assertRefused(viaOtherIssuer, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenMissingOrBlankJti_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "jti"))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "jti", ""))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "jti", "  "))), ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+1", "007", "1.5", "1e3", "abc", " 42", "99999999999999999999", ""})
    void givenSubNotPositiveDecimal_decode_isNotValid(String sub) {
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "sub", sub))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenNumericOrMissingSub_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "sub", 42))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "sub"))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenMissingOrNonStringUsername_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(without(validAccess(), "username"))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "username", 42))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "username", " "))), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRefreshTokenWithoutFamily_decode_isNotValid() {
        String token = forge(HS256_HEADER, json(without(validRefresh(), "family")));

        assertRefused(codec, token, TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenAccessTokenWithFamily_decode_keepsIt() {
        TokenClaims claims = codec.decode(forge(HS256_HEADER, json(with(validAccess(), "family", "family-1"))), TokenType.ACCESS);
        assertThat(claims.family()).isEqualTo(new FamilyId("family-1"));
    }

    @Test
    void givenAccessTokenWithoutFamily_decode_acceptsItAsBeforeAccessTokensNamedTheirSession() {
        assertThat(codec.decode(forge(HS256_HEADER, json(validAccess())), TokenType.ACCESS).family()).isNull();
    }

    @Test
    void givenAccessTokenWithNonStringOrOverlongFamily_decode_isNotValid() {
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "family", 42))), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(HS256_HEADER, json(with(validAccess(), "family", "f".repeat(FamilyId.MAX_LENGTH + 1)))),
                ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenHandBuiltValidRefreshToken_decode_acceptsIt() {
        String token = forge(HS256_HEADER, json(validRefresh()));

        assertThat(codec.decode(token, TokenType.REFRESH).family()).isEqualTo(new FamilyId("family-1"));
    }

    // ---------------------------------------------------------------- kid and header (issue 12)

    @Test
    void givenV1TokenWithoutKid_decode_acceptsItWithTheSecret() {
        String v1 = forge(V1_HEADER, json(validAccess()));

        assertThat(codec.decode(v1, TokenType.ACCESS).id()).isEqualTo(new TokenId("jti-1"));
        assertRefused(forge(V1_HEADER, json(validAccess()), OTHER_SECRET, "HmacSHA256"), ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenUnknownOrForeignKid_decode_isNotValid() {
        String otherSecretsKid = SecretKeys.kidOf(JwtKeys.fromBytes(OTHER_SECRET)).value();

        assertRefused(forge("{\"kid\":\"hs-unknown\",\"alg\":\"HS256\"}", json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge("{\"kid\":\"" + otherSecretsKid + "\",\"alg\":\"HS256\"}", json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge("{\"kid\":\"\",\"alg\":\"HS256\"}", json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge("{\"kid\":42,\"alg\":\"HS256\"}", json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256", "EdDSA", "HS384", "none"})
    void givenOurKidWithAnotherAlgorithm_decode_isNotValid(String alg) {
        String header = "{\"kid\":\"" + KID + "\",\"alg\":\"" + alg + "\"}";

        assertRefused(forge(header, json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}",
        ",\"jku\":\"https://evil.example/jwks.json\"",
        ",\"x5u\":\"https://evil.example/cert.pem\"",
        ",\"x5c\":[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"]",
        ",\"crit\":[\"exp\"]",
        ",\"typ\":\"JWT\"",
        ",\"zip\":\"DEF\"",
        ",\"b64\":false"})
    void givenHeaderParameterWeNeverWrite_decode_isNotValid(String extra) {
        String withKid = HS256_HEADER.replace("}", extra + "}");
        String withoutKid = V1_HEADER.replace("}", extra + "}");

        assertRefused(forge(withKid, json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
        assertRefused(forge(withoutKid, json(validAccess())), ErrorCode.TOKEN_NOT_VALID);
    }

    // ---------------------------------------------------------------- one spelling per token (issue 9, item 5)

    @Test
    void givenTrailingPaddingOnAnySegment_decode_isNotValid() {
        String token = codec.encode(accessClaims());
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(accessClaims());
        String[] parts = token.split("\\.");

        assertRefused(token + "=", ErrorCode.TOKEN_NOT_VALID);
        assertRefused(token + "==", ErrorCode.TOKEN_NOT_VALID);
        assertRefused(parts[0] + "=." + parts[1] + "." + parts[2], ErrorCode.TOKEN_NOT_VALID);
        assertRefused(parts[0] + "." + parts[1] + "=." + parts[2], ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenOtherUnusedBitsInAnySegment_decode_isNotValid() {
        // a payload whose segment length leaves unused bits, like the header and the 43-character signature
        Map<String, Object> claims = validAccess();
        String token = forge(HS256_HEADER, json(claims));
        for (int pad = 0; token.split("\\.")[1].length() % 4 == 0; pad++) {
            token = forge(HS256_HEADER, json(with(claims, "pad", "x".repeat(pad + 1))));
        }
        String canonical = token;
        assertThat(codec.decode(canonical, TokenType.ACCESS)).isNotNull();
        String[] parts = canonical.split("\\.");
        assertThat(parts[2]).hasSize(43);

        for (int segment = 0; segment < 3; segment++) {
            if (parts[segment].length() % 4 == 0) {
                continue; // no unused bits to set
            }
            for (String respelled : respellings(parts[segment])) {
                String[] variant = parts.clone();
                variant[segment] = respelled;
                String other = String.join(".", variant);
                assertThat(Base64.getUrlDecoder().decode(respelled)).as("the JDK reads it as the same bytes")
                        .isEqualTo(Base64.getUrlDecoder().decode(parts[segment]));
                assertRefused(other, ErrorCode.TOKEN_NOT_VALID);
            }
        }
        assertThat(parts[0].length() % 4).as("the header segment has unused bits too").isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "/", " ", "%", "*"})
    void givenCharacterOutsideBase64Url_decode_isNotValid(String character) {
        String token = codec.encode(accessClaims());
        int at = token.indexOf('.') + 5;

        assertRefused(token.substring(0, at) + character + token.substring(at + 1), ErrorCode.TOKEN_NOT_VALID);
    }

    // ---------------------------------------------------------------- verified-token cache

    @Test
    void givenRememberedToken_decode_stillChecksTypeAndExpiry() {
        TokenClaims claims = accessClaims();
        String token = codec.encode(claims);
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(claims);
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(claims);

        assertRefused(codec, token, TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
        clock.set(claims.expiresAt());
        assertRefused(token, ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void givenManyTokens_cache_staysBounded() {
        JjwtTokenCodec small = new JjwtTokenCodec(new SecretKeys(JwtKeys.fromBytes(SECRET), ISSUER), ISSUER, POLICY, clock,
                java.util.EnumSet.of(SigningAlgorithm.HS256), 10);
        for (int i = 0; i < 25; i++) {
            TokenClaims claims = TokenClaims.access(new TokenId("jti-" + i), new UserId(42), new Username("kakao_4242"),
                    NOW.minusSeconds(60), NOW.plusSeconds(600));
            assertThat(small.decode(small.encode(claims), TokenType.ACCESS)).isEqualTo(claims);
        }
        assertThat(small.cacheSize()).isBetween(1, 10);
    }

    // ---------------------------------------------------------------- helpers

    private static final String KID = SecretKeys.kidOf(JwtKeys.fromBytes(SECRET)).value();
    /** The header we write; tokens without kid (v1's) have their own tests. */
    private static final String HS256_HEADER = "{\"kid\":\"" + KID + "\",\"alg\":\"HS256\"}";
    private static final String V1_HEADER = "{\"alg\":\"HS256\"}";

    private void assertRefused(String token, ErrorCode expected) {
        assertRefused(codec, token, TokenType.ACCESS, expected);
    }

    /** Decodes (with {@code type}, or any type when null) and checks the outcome and that nothing leaks. */
    private static void assertRefused(JjwtTokenCodec codec, String token, TokenType type, ErrorCode expected) {
        Throwable thrown = catchThrowable(() -> {
            if (type == null) {
                codec.decodeAny(token);
            } else {
                codec.decode(token, type);
            }
        });

        assertThat(thrown).isInstanceOf(DomainException.class);
        DomainException failure = (DomainException) thrown;
        assertThat(failure.code()).isEqualTo(expected);
        assertThat(failure.getCause()).as("jjwt's exception, whose message quotes claims, is not attached").isNull();
        assertThat(failure.getMessage()).doesNotContain("kakao_4242", "jti-1", "family-1", "evil", "{", "Header");
        if (token != null && !token.isBlank()) {
            assertThat(failure.getMessage()).doesNotContain(token);
        }
    }

    private static final TokenPolicy POLICY = new TokenPolicy(ACCESS_TTL, REFRESH_TTL, Duration.ofSeconds(10), Duration.ofDays(30));

    /** An HS256 codec as {@link JwtTokens} builds it, with the verified-token cache on (as in production). */
    private static JjwtTokenCodec codec(byte[] secret, Clock clock) {
        return codec(JwtKeys.fromBytes(secret), ISSUER, clock);
    }

    private static JjwtTokenCodec codec(SecretKey secret, String issuer, Clock clock) {
        return new JjwtTokenCodec(new SecretKeys(secret, issuer), issuer, POLICY, clock, java.util.EnumSet.of(SigningAlgorithm.HS256), 100);
    }

    private static TokenClaims accessClaims() {
        Instant iat = NOW.minusSeconds(60);
        return TokenClaims.access(new TokenId("jti-1"), new UserId(42), new Username("kakao_4242"), iat, iat.plusSeconds(3600));
    }

    private static TokenClaims refreshClaims() {
        Instant iat = NOW.minusSeconds(60);
        return TokenClaims.refresh(new TokenId("jti-r"), new UserId(42), new Username("kakao_4242"), iat, iat.plusSeconds(3600),
                new FamilyId("family-1"));
    }

    private static Map<String, Object> validAccess() {
        long iat = NOW.minusSeconds(60).getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "42");
        claims.put("username", "kakao_4242");
        claims.put("token_type", "access");
        claims.put("jti", "jti-1");
        claims.put("iat", iat);
        claims.put("exp", iat + 3600);
        return claims;
    }

    private static Map<String, Object> validRefresh() {
        Map<String, Object> claims = with(validAccess(), "token_type", "refresh");
        claims.put("family", "family-1");
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.remove(name);
        return copy;
    }

    /** A JSON value written as is (a fractional number, say). */
    private record Raw(String json) {
    }

    /** A flat JSON object: strings quoted (no escaping needed for our values), numbers and {@link Raw} as is. */
    private static String json(Map<String, Object> claims) {
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        claims.forEach((name, value) -> joiner.add("\"" + name + "\":" + (value instanceof String text
                ? "\"" + text + "\"" : value instanceof Raw raw ? raw.json() : String.valueOf(value))));
        return joiner.toString();
    }

    private static String forge(String headerJson, String payloadJson) {
        return forge(headerJson, payloadJson, SECRET, "HmacSHA256");
    }

    /** A hand-built JWS: exactly these JSON bytes, signed with javax.crypto.Mac. */
    private static String forge(String headerJson, String payloadJson, byte[] secret, String macAlgorithm) {
        String signingInput = segment(headerJson) + "." + segment(payloadJson);
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, macAlgorithm));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The other spellings of a base64url segment: same bytes, other unused low bits in its last character. */
    private static java.util.List<String> respellings(String segment) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int unusedBits = segment.length() % 4 == 2 ? 4 : 2;
        int last = alphabet.indexOf(segment.charAt(segment.length() - 1));
        java.util.List<String> others = new java.util.ArrayList<>();
        for (int bits = 1; bits < (1 << unusedBits); bits++) {
            others.add(segment.substring(0, segment.length() - 1) + alphabet.charAt(last | bits));
        }
        return others;
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeSegment(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 17);
        }
        return bytes;
    }

    /** A clock the test moves; the codec must read time from it, never from the system. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
