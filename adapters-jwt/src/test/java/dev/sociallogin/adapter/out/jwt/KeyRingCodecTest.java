package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;
import dev.sociallogin.testfixtures.fake.MutableClock;
import io.jsonwebtoken.Jwts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The codec on a key ring (in the in-memory store), for each asymmetric algorithm: round trips, key
 * choice by kid and by iat, the key states over time, every refusal with a token built by hand, the
 * v1 tokens without kid, the published JWKs.
 */
class KeyRingCodecTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final String ISSUER = "https://auth.example.test";
    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(15);
    static final Duration ROTATION = Duration.ofDays(30);
    static final TokenPolicy POLICY = new TokenPolicy(Duration.ofHours(5), Duration.ofDays(7), Duration.ofSeconds(10), Duration.ofDays(30));
    static final byte[] V1_SECRET = "a-v1-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.at(T0);
    final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final List<JwtTokens> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(JwtTokens::close);
    }

    // ------------------------------------------------------------------ round trips, kid, determinism

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void givenAccessAndRefreshClaims_encodeThenDecode_roundTripsWithTheRightKeys(SigningAlgorithm algorithm) {
        TokenCodec codec = open(algorithm).codec();
        TokenClaims access = access(T0);
        TokenClaims refresh = refresh(T0);

        String accessToken = codec.encode(access);
        String refreshToken = codec.encode(refresh);

        assertThat(codec.decode(accessToken, TokenType.ACCESS)).isEqualTo(access);
        assertThat(codec.decode(refreshToken, TokenType.REFRESH)).isEqualTo(refresh);
        assertThat(header(accessToken)).isEqualTo("{\"kid\":\"" + ringKey(TokenType.ACCESS, 1).kid() + "\",\"alg\":\"" + algorithm.jwaName() + "\"}");
        assertThat(header(refreshToken)).isEqualTo("{\"kid\":\"" + ringKey(TokenType.REFRESH, 1).kid() + "\",\"alg\":\"HS256\"}");
        assertThat(store.findAll(ISSUER)).extracting(SigningKey::algorithm).containsExactlyInAnyOrder(algorithm, SigningAlgorithm.HS256);
    }

    @Test
    void givenRefreshClaims_encode_isByteIdenticalAlsoAcrossARotation() {
        JwtTokens tokens = open(SigningAlgorithm.ES256);
        TokenClaims refresh = refresh(T0);
        String first = tokens.codec().encode(refresh);

        tokens.signingKeys().rotate();
        clock.advance(PUBLISH_AHEAD.plusMinutes(1));
        TokenClaims later = refresh(clock.instant());

        assertThat(tokens.codec().encode(refresh)).as("the grace re-encodes the stored successor").isEqualTo(first);
        assertThat(kid(tokens.codec().encode(later))).isEqualTo(ringKey(TokenType.REFRESH, 2).kid().value()).isNotEqualTo(kid(first));
    }

    @Test
    void givenALoginFlowSealedBeforeARotation_itOpensAfterIt_onEveryInstanceOfTheRing() {
        JwtTokens tokens = open(SigningAlgorithm.ES256);
        dev.sociallogin.domain.model.LoginFlow flow = dev.sociallogin.domain.model.LoginFlow.begin(
                new dev.sociallogin.domain.model.ProviderName("kakao"), T0.plusSeconds(600));
        String before = tokens.loginFlowCodec().encode(flow);

        tokens.signingKeys().rotate();
        clock.advance(PUBLISH_AHEAD.plusMinutes(1));
        String after = tokens.loginFlowCodec().encode(flow);

        assertThat(before).contains("." + ringKey(TokenType.REFRESH, 1).kid().value() + ".");
        assertThat(after).contains("." + ringKey(TokenType.REFRESH, 2).kid().value() + ".");
        JwtTokens otherInstance = open(SigningAlgorithm.ES256);
        for (JwtTokens instance : List.of(tokens, otherInstance)) {
            assertThat(instance.loginFlowCodec().decode(before)).isEqualTo(flow);
            assertThat(instance.loginFlowCodec().decode(after)).isEqualTo(flow);
        }
        // a cookie claiming an access key's kid is not a login flow
        String accessKid = ringKey(TokenType.ACCESS, 1).kid().value();
        assertThatThrownBy(() -> tokens.loginFlowCodec().decode("f1." + accessKid + after.substring(after.lastIndexOf('.'))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void givenRotation_tokensOfBothKeysVerifyByKid_andNewTokensSignWithTheNewKeyOnlyAfterPublishAhead(SigningAlgorithm algorithm) {
        JwtTokens tokens = open(algorithm);
        String before = tokens.codec().encode(access(T0));

        List<KeyRotation> rotated = tokens.signingKeys().rotate();
        KeyRotation next = rotated.stream().filter(r -> r.use() == TokenType.ACCESS).findFirst().orElseThrow();
        assertThat(next.activatesAt()).isEqualTo(T0.plus(PUBLISH_AHEAD));
        String stillOld = tokens.codec().encode(access(T0.plus(PUBLISH_AHEAD).minusSeconds(1)));
        clock.set(next.activatesAt());
        String after = tokens.codec().encode(access(next.activatesAt()));

        assertThat(kid(stillOld)).isEqualTo(kid(before));
        assertThat(kid(after)).isEqualTo(next.kid().value()).isNotEqualTo(kid(before));
        assertThat(tokens.codec().decode(before, TokenType.ACCESS).issuedAt()).isEqualTo(T0);
        assertThat(tokens.codec().decode(after, TokenType.ACCESS).issuedAt()).isEqualTo(next.activatesAt());
    }

    // ------------------------------------------------------------------ key states over time

    @ParameterizedTest
    @EnumSource(value = TokenType.class)
    void givenRetiredKey_itVerifiesUntilItsHorizon_thenItIsRemovedAndRefused(TokenType type) {
        JwtTokens tokens = open(SigningAlgorithm.ES256);
        KeyRotation next = tokens.signingKeys().rotate().stream().filter(r -> r.use() == type).findFirst().orElseThrow();
        Instant retiredAt = next.activatesAt();
        Duration lifetime = type == TokenType.ACCESS ? POLICY.accessTtl() : POLICY.refreshTtl();
        TokenClaims last = claims(type, retiredAt.minusSeconds(60), lifetime);
        String token = tokens.codec().encode(last);
        SigningKey retired = ringKey(type, 1);
        assertThat(kid(token)).isEqualTo(retired.kid().value());

        clock.set(retiredAt.plusSeconds(60));
        assertThat(tokens.codec().decode(token, type)).as("retired, still accepted").isEqualTo(last);
        clock.set(last.expiresAt());
        assertRefused(tokens.codec(), token, type, ErrorCode.TOKEN_EXPIRED);
        clock.set(retiredAt.plus(lifetime).minusSeconds(1));
        assertRefused(tokens.codec(), token, type, ErrorCode.TOKEN_EXPIRED);

        clock.set(retiredAt.plus(lifetime));
        assertRefused(tokens.codec(), token, type, ErrorCode.TOKEN_NOT_VALID);
        tokens.reload();
        assertThat(store.findAll(ISSUER)).extracting(SigningKey::kid).doesNotContain(retired.kid());
        clock.set(retiredAt.plusSeconds(60));
        assertRefused(tokens.codec(), token, type, ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenRememberedAccessToken_whenItsKeyIsRemoved_decode_refusesIt() {
        JwtTokens tokens = open(SigningAlgorithm.ES256);
        TokenClaims claims = access(T0);
        String token = tokens.codec().encode(claims);
        assertThat(tokens.codec().decode(token, TokenType.ACCESS)).isEqualTo(claims);
        KeyRotation next = tokens.signingKeys().rotate().get(0);
        SigningKey first = ringKey(TokenType.ACCESS, 1);

        clock.set(next.activatesAt().plus(POLICY.accessTtl()));
        tokens.reload();
        clock.set(T0.plusSeconds(60)); // as if the token were fresh: only the key's removal refuses it now

        assertThat(store.findAll(ISSUER)).extracting(SigningKey::kid).doesNotContain(first.kid());
        assertRefused(tokens.codec(), token, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void givenKeyNotInTheRing_decode_isNotValid(SigningAlgorithm algorithm) {
        TokenCodec codec = open(algorithm).codec();
        SigningKey foreign = KeyMaterial.generate(algorithm, TokenType.ACCESS, 1, T0, T0);
        Key foreignKey = KeyMaterial.load(foreign).signingKey();
        String ourKid = ringKey(TokenType.ACCESS, 1).kid().value();

        String unknownKid = HandMadeJws.sign(headerJson(foreign.kid().value(), algorithm), payload(access(T0)), algorithm, foreignKey);
        String ourKidForeignKey = HandMadeJws.sign(headerJson(ourKid, algorithm), payload(access(T0)), algorithm, foreignKey);

        assertRefused(codec, unknownKid, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, ourKidForeignKey, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        String control = HandMadeJws.sign(headerJson(ourKid, algorithm), payload(access(T0)), algorithm, privateOf(ringKey(TokenType.ACCESS, 1)));
        assertThat(codec.decode(control, TokenType.ACCESS)).as("the hand-made token is right when the key is").isEqualTo(access(T0));
    }

    // ------------------------------------------------------------------ refusals, by hand

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void givenHeaderTricks_decode_refusesEach(SigningAlgorithm algorithm) {
        TokenCodec codec = open(algorithm).codec();
        SigningKey access = ringKey(TokenType.ACCESS, 1);
        String kid = access.kid().value();
        Key privateKey = privateOf(access);
        String payload = payload(access(T0));

        // alg none, with and without a signature
        String none = HandMadeJws.segment("{\"kid\":\"" + kid + "\",\"alg\":\"none\"}") + "." + HandMadeJws.segment(payload) + ".";
        assertRefused(codec, none, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        // HMAC keyed with our public key (the algorithm confusion attack), named by kid and without
        assertRefused(codec, HandMadeJws.hmac(headerJson(kid, SigningAlgorithm.HS256), payload, access.publicKey()), TokenType.ACCESS,
                ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, HandMadeJws.hmac("{\"alg\":\"HS256\"}", payload, access.publicKey()), TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        // our key's valid signature under another algorithm's name
        for (String other : List.of("ES384", "ES512", "RS512", "PS256", "EdDSA", "ES256", "RS256")) {
            if (!other.equals(algorithm.jwaName())) {
                String renamed = HandMadeJws.sign("{\"kid\":\"" + kid + "\",\"alg\":\"" + other + "\"}", payload, algorithm, privateKey);
                assertRefused(codec, renamed, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
            }
        }
        // key material in the header: the attacker's own key, signed with it
        SigningKey attacker = KeyMaterial.generate(algorithm, TokenType.ACCESS, 1, T0, T0);
        Key attackerKey = KeyMaterial.load(attacker).signingKey();
        String jwk = io.jsonwebtoken.security.Jwks.json((io.jsonwebtoken.security.PublicJwk<?>) io.jsonwebtoken.security.Jwks.builder()
                .key((java.security.PublicKey) KeyMaterial.load(attacker).verifyingKey()).build());
        for (String embedded : List.of("\"jwk\":" + jwk, "\"jku\":\"https://evil.example/jwks.json\"", "\"x5u\":\"https://evil.example/c.pem\"",
                "\"x5c\":[\"MIIB\"]")) {
            for (String kidPart : List.of("", "\"kid\":\"" + kid + "\",", "\"kid\":\"" + attacker.kid() + "\",")) {
                String header = "{" + kidPart + "\"alg\":\"" + algorithm.jwaName() + "\"," + embedded + "}";
                assertRefused(codec, HandMadeJws.sign(header, payload, algorithm, attackerKey), TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
                assertRefused(codec, HandMadeJws.sign(header, payload, algorithm, privateKey), TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
            }
        }
    }

    @Test
    void givenKeyOfTheOtherTokenType_decode_isNotValid() {
        TokenCodec codec = open(SigningAlgorithm.ES256).codec();
        SigningKey access = ringKey(TokenType.ACCESS, 1);
        SigningKey refresh = ringKey(TokenType.REFRESH, 1);

        String accessByRefreshKey = HandMadeJws.sign(headerJson(refresh.kid().value(), SigningAlgorithm.HS256), payload(access(T0)),
                SigningAlgorithm.HS256, privateOf(refresh));
        String refreshByAccessKey = HandMadeJws.sign(headerJson(access.kid().value(), SigningAlgorithm.ES256), payload(refresh(T0)),
                SigningAlgorithm.ES256, privateOf(access));

        assertRefused(codec, accessByRefreshKey, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, accessByRefreshKey, null, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, refreshByAccessKey, TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
        String control = HandMadeJws.sign(headerJson(refresh.kid().value(), SigningAlgorithm.HS256), payload(refresh(T0)),
                SigningAlgorithm.HS256, privateOf(refresh));
        assertThat(codec.decode(control, TokenType.REFRESH)).isEqualTo(refresh(T0));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void givenSignatureSpelledWithOtherUnusedBitsOrPadding_decode_isNotValid(SigningAlgorithm algorithm) {
        TokenCodec codec = open(algorithm).codec();
        String token = codec.encode(access(T0));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(signature.length() % 4).as("64 or 256 signature bytes leave 4 unused bits").isEqualTo(2);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(signature.charAt(signature.length() - 1));

        for (int bits = 1; bits < 16; bits++) {
            String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(last | bits);
            assertRefused(codec, respelled, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        }
        assertRefused(codec, token + "==", TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(access(T0));
    }

    // ------------------------------------------------------------------ v1 tokens without kid

    @Test
    void givenV1TokensAndTheConfiguredV1Secret_decode_acceptsThemUnderTheKeyRing() {
        SecretKey v1 = JwtKeys.fromBytes(V1_SECRET);
        String access = v1Token(access(T0.minusSeconds(60)), v1);
        String refresh = v1Token(refresh(T0.minusSeconds(60)), v1);
        TokenCodec codec = open(SigningAlgorithm.ES256, v1).codec();

        assertThat(codec.decode(access, TokenType.ACCESS)).isEqualTo(access(T0.minusSeconds(60)));
        assertThat(codec.decode(refresh, TokenType.REFRESH)).isEqualTo(refresh(T0.minusSeconds(60)));
        assertThat(header(access)).isEqualTo("{\"alg\":\"HS256\"}");
        assertRefused(codec, v1Token(access(T0.minusSeconds(60)), JwtKeys.fromBytes(new byte[32])), TokenType.ACCESS,
                ErrorCode.TOKEN_NOT_VALID);
    }

    @Test
    void givenTokenWithoutKidSignedByARingKey_decode_isNotValid_theV1SecretIsTheOnlyKeyForThem() {
        TokenCodec codec = open(SigningAlgorithm.ES256, JwtKeys.fromBytes(V1_SECRET)).codec();
        SigningKey access = ringKey(TokenType.ACCESS, 1);
        SigningKey refresh = ringKey(TokenType.REFRESH, 1);

        String byRefreshKey = HandMadeJws.sign("{\"alg\":\"HS256\"}", payload(refresh(T0)), SigningAlgorithm.HS256, privateOf(refresh));
        String byAccessKey = HandMadeJws.sign("{\"alg\":\"ES256\"}", payload(access(T0)), SigningAlgorithm.ES256, privateOf(access));

        assertRefused(codec, byRefreshKey, TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, byAccessKey, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertThat(codec.decode(HandMadeJws.sign("{\"alg\":\"HS256\"}", payload(refresh(T0)), SigningAlgorithm.HS256,
                JwtKeys.fromBytes(V1_SECRET)), TokenType.REFRESH)).as("the same token under the v1 secret").isEqualTo(refresh(T0));
    }

    @Test
    void givenV1TokenWithoutAnyV1Secret_decode_isNotValid() {
        String v1 = v1Token(access(T0.minusSeconds(60)), JwtKeys.fromBytes(V1_SECRET));
        TokenCodec codec = open(SigningAlgorithm.ES256).codec();

        assertRefused(codec, v1, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertThat(dataDir.resolve(SigningKeyFile.FILE_NAME)).as("no key file created under an asymmetric algorithm").doesNotExist();
    }

    @Test
    void givenV1TokenIssuedAfterTheKeyRingStarted_decode_isNotValid() {
        SecretKey v1 = JwtKeys.fromBytes(V1_SECRET);
        TokenCodec codec = open(SigningAlgorithm.ES256, v1).codec();
        clock.advance(Duration.ofMinutes(10));

        assertThat(codec.decode(v1Token(access(T0), v1), TokenType.ACCESS)).as("issued in the ring's first second").isNotNull();
        assertRefused(codec, v1Token(access(T0.plusSeconds(1)), v1), TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertRefused(codec, v1Token(refresh(clock.instant()), v1), TokenType.REFRESH, ErrorCode.TOKEN_NOT_VALID);
    }

    /** Tokens and the key file written by the v1 jar (bootstrap's upgrade fixture), read under ES256. */
    @Test
    void givenTokensOfTheV1Release_decode_acceptsThemWithItsKeyFile() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/upgrade-v1/tokens.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        try (InputStream in = getClass().getResourceAsStream("/upgrade-v1/jwt-secret.key")) {
            Path keyFile = dataDir.resolve(SigningKeyFile.FILE_NAME);
            Files.write(keyFile, in.readAllBytes());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        }
        TokenPolicy tenYears = new TokenPolicy(Duration.ofDays(3650), Duration.ofDays(3650), Duration.ofSeconds(10), Duration.ofDays(3650));
        JwtSettings settings = new JwtSettings("social-login", SigningAlgorithm.ES256, null, ROTATION, PUBLISH_AHEAD, dataDir);
        clock.set(Instant.parse("2026-12-03T00:00:00Z"));
        JwtTokens tokens = track(JwtTokens.open(settings, tenYears, store, clock, 100, false));

        TokenClaims access = tokens.codec().decode(fixture.get("access").asText(), TokenType.ACCESS);
        TokenClaims refresh = tokens.codec().decode(fixture.get("refresh").asText(), TokenType.REFRESH);

        assertThat(access.username().value()).isEqualTo(fixture.get("user").get("username").asText());
        assertThat(access.subject()).isEqualTo(new UserId(fixture.get("user").get("id").asLong()));
        assertThat(refresh.family()).isEqualTo(access.family());
        assertThat(header(fixture.get("access").asText())).isEqualTo("{\"alg\":\"HS256\"}");
    }

    // ------------------------------------------------------------------ the published keys

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void published_listsEveryAccessKeyFromPublicationToRemoval_withPublicMembersOnly(SigningAlgorithm algorithm) {
        JwtTokens tokens = open(algorithm);
        SigningKey first = ringKey(TokenType.ACCESS, 1);

        PublishedKeys initial = tokens.signingKeys().published();
        KeyRotation next = tokens.signingKeys().rotate().stream().filter(r -> r.use() == TokenType.ACCESS).findFirst().orElseThrow();
        PublishedKeys afterRotation = tokens.signingKeys().published();
        clock.set(next.activatesAt().plus(POLICY.accessTtl()));
        PublishedKeys afterRemoval = tokens.signingKeys().published();

        assertThat(initial.issuer()).isEqualTo(ISSUER);
        assertThat(initial.accessTokenAlgorithms()).containsExactly(algorithm);
        assertThat(initial.keys()).extracting(PublishedKey::kid).containsExactly(first.kid());
        assertThat(afterRotation.keys()).extracting(PublishedKey::kid).containsExactly(first.kid(), next.kid());
        assertThat(afterRemoval.keys()).extracting(PublishedKey::kid).containsExactly(next.kid());
        PublishedKey jwk = initial.keys().get(0);
        switch (algorithm) {
            case ES256:
                assertThat(jwk.jwk()).containsOnlyKeys("kty", "crv", "kid", "use", "alg", "x", "y")
                        .containsEntry("kty", "EC").containsEntry("crv", "P-256");
                assertThat(jwk.jwk().keySet()).containsExactly("kty", "crv", "kid", "use", "alg", "x", "y");
                break;
            case EDDSA:
                assertThat(jwk.jwk()).containsOnlyKeys("kty", "crv", "kid", "use", "alg", "x")
                        .containsEntry("kty", "OKP").containsEntry("crv", "Ed25519");
                break;
            default:
                assertThat(jwk.jwk()).containsOnlyKeys("kty", "kid", "use", "alg", "n", "e").containsEntry("kty", "RSA");
                assertThat(Base64.getUrlDecoder().decode(jwk.jwk().get("n"))).hasSizeGreaterThanOrEqualTo(256);
        }
        assertThat(jwk.jwk()).containsEntry("use", "sig").containsEntry("alg", algorithm.jwaName()).containsEntry("kid", first.kid().value());
        String everything = afterRotation.toString();
        for (SigningKey key : store.findAll(ISSUER)) {
            assertThat(everything).doesNotContain(HandMadeJws.b64(key.privateKey()));
        }
        assertThat(everything).doesNotContain(ringKey(TokenType.REFRESH, 1).kid().value());
    }

    @Test
    void givenScheduledRotation_maintenance_createsTheNextKeyPublishAheadBeforeThePeriodEnds() {
        JwtTokens tokens = open(SigningAlgorithm.ES256);
        Instant periodEnd = T0.plus(ROTATION);

        clock.set(periodEnd.minus(PUBLISH_AHEAD).minusSeconds(1));
        tokens.reload();
        assertThat(store.findAll(ISSUER)).hasSize(2);

        clock.set(periodEnd.minus(PUBLISH_AHEAD).plusSeconds(20));
        tokens.reload();
        SigningKey next = ringKey(TokenType.ACCESS, 2);
        assertThat(next.createdAt()).isEqualTo(clock.instant());
        assertThat(next.activatesAt()).isEqualTo(clock.instant().plus(PUBLISH_AHEAD));
        assertThat(ringKey(TokenType.REFRESH, 2).activatesAt()).isEqualTo(next.activatesAt());
        assertThat(tokens.signingKeys().published().keys()).hasSize(2);

        tokens.reload();
        assertThat(store.findAll(ISSUER)).as("no second next key").hasSize(4);
    }

    @Test
    void givenConfiguredAlgorithmChanged_start_publishesAKeyOfTheNewAlgorithmAheadAndOldTokensStayValid() {
        JwtTokens es256 = open(SigningAlgorithm.ES256);
        String old = es256.codec().encode(access(T0));
        es256.close();

        clock.advance(Duration.ofMinutes(1));
        JwtTokens eddsa = open(SigningAlgorithm.EDDSA);
        SigningKey next = ringKey(TokenType.ACCESS, 2);

        assertThat(next.algorithm()).isEqualTo(SigningAlgorithm.EDDSA);
        assertThat(next.activatesAt()).isEqualTo(clock.instant().plus(PUBLISH_AHEAD));
        assertThat(eddsa.signingKeys().published().accessTokenAlgorithms()).containsExactly(SigningAlgorithm.EDDSA, SigningAlgorithm.ES256);
        assertThat(header(eddsa.codec().encode(access(clock.instant())))).contains("ES256");
        clock.set(next.activatesAt());
        assertThat(header(eddsa.codec().encode(access(clock.instant())))).contains("EdDSA");
        assertThat(eddsa.codec().decode(old, TokenType.ACCESS)).isEqualTo(access(T0));
        assertThat(store.findAll(ISSUER)).as("refresh keys stay as they were").hasSize(3);
    }

    // ------------------------------------------------------------------ reloads and storage

    @Test
    void givenFloodOfUnknownKids_decode_readsTheRingAtMostOnceASecond() throws Exception {
        TokenCodec codec = open(SigningAlgorithm.ES256).codec();
        Key attacker = KeyMaterial.load(KeyMaterial.generate(SigningAlgorithm.ES256, TokenType.ACCESS, 1, T0, T0)).signingKey();
        int before = store.reads();
        long started = System.nanoTime();

        for (int i = 0; i < 300; i++) {
            String kid = HandMadeJws.b64(java.nio.ByteBuffer.allocate(16).putLong(i).putLong(i).array());
            assertRefused(codec, HandMadeJws.sign(headerJson(kid, SigningAlgorithm.ES256), payload(access(T0)), SigningAlgorithm.ES256, attacker),
                    TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(store.reads() - before).isBetween(1, (int) seconds + 2);
    }

    @Test
    void givenStorageDownAtStart_open_isStorageUnavailable_andOnceRunningKeysKeepWorking() {
        store.outage().begin();
        Throwable thrown = catchThrowable(() -> open(SigningAlgorithm.ES256));
        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
        store.outage().end();

        JwtTokens tokens = open(SigningAlgorithm.ES256);
        String token = tokens.codec().encode(access(T0));
        Key accessKey = privateOf(ringKey(TokenType.ACCESS, 1));
        store.outage().begin();
        assertThatThrownBy(tokens::reload).isInstanceOf(DomainException.class);

        assertThat(tokens.codec().decode(token, TokenType.ACCESS)).isEqualTo(access(T0));
        assertThat(tokens.codec().decode(tokens.codec().encode(refresh(T0)), TokenType.REFRESH)).isEqualTo(refresh(T0));
        String unknownKid = HandMadeJws.sign(headerJson("A".repeat(22), SigningAlgorithm.ES256), payload(access(T0)), SigningAlgorithm.ES256,
                accessKey);
        assertRefused(tokens.codec(), unknownKid, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
    }

    // ------------------------------------------------------------------ helpers

    JwtTokens open(SigningAlgorithm algorithm) {
        return open(algorithm, null);
    }

    JwtTokens open(SigningAlgorithm algorithm, SecretKey v1Secret) {
        JwtSettings settings = new JwtSettings(ISSUER, algorithm, v1Secret, ROTATION, PUBLISH_AHEAD, dataDir);
        return track(JwtTokens.open(settings, POLICY, store, clock, 100, false));
    }

    JwtTokens track(JwtTokens tokens) {
        opened.add(tokens);
        return tokens;
    }

    /** The ring key of that use and generation, as stored. */
    SigningKey ringKey(TokenType use, long generation) {
        return store.findAll(ISSUER).stream().filter(k -> k.use() == use && k.generation() == generation)
                .max(Comparator.comparing(SigningKey::createdAt)).orElseThrow();
    }

    static Key privateOf(SigningKey key) {
        return KeyMaterial.load(key).signingKey();
    }

    static TokenClaims access(Instant issuedAt) {
        return TokenClaims.access(new TokenId("jti-a-" + issuedAt.getEpochSecond()), new UserId(42), new Username("kakao_4242"), issuedAt,
                issuedAt.plus(Duration.ofHours(1)), new FamilyId("family-1"));
    }

    static TokenClaims refresh(Instant issuedAt) {
        return TokenClaims.refresh(new TokenId("jti-r-" + issuedAt.getEpochSecond()), new UserId(42), new Username("kakao_4242"), issuedAt,
                issuedAt.plus(Duration.ofDays(1)), new FamilyId("family-1"));
    }

    static TokenClaims claims(TokenType type, Instant issuedAt, Duration lifetime) {
        return new TokenClaims(type, new TokenId("jti-" + type.claim()), new UserId(42), new Username("kakao_4242"), issuedAt,
                issuedAt.plus(lifetime), new FamilyId("family-1"));
    }

    static String headerJson(String kid, SigningAlgorithm algorithm) {
        return "{\"kid\":\"" + kid + "\",\"alg\":\"" + algorithm.jwaName() + "\"}";
    }

    /** The claims as our codec writes them. */
    static String payload(TokenClaims claims) {
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + claims.subject() + "\",\"username\":\"" + claims.username().value()
                + "\",\"token_type\":\"" + claims.type().claim() + "\",\"jti\":\"" + claims.id() + "\",\"iat\":"
                + claims.issuedAt().getEpochSecond() + ",\"exp\":" + claims.expiresAt().getEpochSecond()
                + (claims.family() == null ? "" : ",\"family\":\"" + claims.family() + "\"") + "}";
    }

    /** A token as v1's codec wrote it: HS256, header {@code {"alg":"HS256"}} only, the v1 claims in their order. */
    static String v1Token(TokenClaims claims, SecretKey secret) {
        io.jsonwebtoken.JwtBuilder builder = Jwts.builder()
                .issuer(ISSUER)
                .subject(claims.subject().toString())
                .claim("username", claims.username().value())
                .claim("token_type", claims.type().claim())
                .id(claims.id().value())
                .issuedAt(Date.from(claims.issuedAt()))
                .expiration(Date.from(claims.expiresAt()));
        if (claims.family() != null) {
            builder.claim("family", claims.family().value());
        }
        return builder.signWith(secret, Jwts.SIG.HS256).compact();
    }

    static String header(String token) {
        return HandMadeJws.decodeSegment(token.substring(0, token.indexOf('.')));
    }

    static String kid(String token) {
        String header = header(token);
        int start = header.indexOf("\"kid\":\"") + 7;
        return header.substring(start, header.indexOf('"', start));
    }

    static void assertRefused(TokenCodec codec, String token, TokenType type, ErrorCode expected) {
        Throwable thrown = catchThrowable(() -> {
            if (type == null) {
                codec.decodeAny(token);
            } else {
                codec.decode(token, type);
            }
        });
        assertThat(thrown).as("decoding %s", token).isInstanceOf(DomainException.class);
        DomainException failure = (DomainException) thrown;
        assertThat(failure.code()).as("code of %s", failure.getMessage()).isEqualTo(expected);
        assertThat(failure.getCause()).isNull();
        assertThat(failure.getMessage()).doesNotContain("kakao_4242", "family-1", "{", token);
    }
}
