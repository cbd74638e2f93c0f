package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.SignedJWT;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.io.IOException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Our access tokens checked by a verifier we did not write, from nothing but our JWK set served over
 * HTTP: Spring Security's resource-server decoder ({@link NimbusJwtDecoder} with a JWK set URI) for
 * ES256 and RS256. Spring's decoder has no EdDSA ({@code SignatureAlgorithm} lists RS, ES and PS only),
 * so EdDSA tokens are checked with Nimbus itself: the JWK set parsed by {@link JWKSet}, the signature by
 * {@link Ed25519Verifier} (Tink underneath, a test dependency), expiry and issuer compared by hand.
 *
 * <p>The JWK set JSON is what the web adapter serves: {@code {"keys": [...]}} of the published keys'
 * members, written with Jackson.
 */
class IndependentVerifierTest {

    private static final Duration PUBLISH_AHEAD = KeyRingCodecTest.PUBLISH_AHEAD;

    @TempDir
    java.nio.file.Path dataDir;

    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final MockWebServer jwksServer = new MockWebServer();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";
    private JwtTokens tokens;

    @BeforeEach
    void serveJwks() throws IOException {
        jwksServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                jwksFetches.incrementAndGet();
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(jwks);
            }
        });
        jwksServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (tokens != null) {
            tokens.close();
        }
        jwksServer.shutdown();
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void ourAccessTokens_verifyWithTheJwksAlone_acrossARotation_andRemovedOrForeignKeysAreRefusedByBoth(SigningAlgorithm algorithm)
            throws Exception {
        tokens = JwtTokens.open(new JwtSettings(KeyRingCodecTest.ISSUER, algorithm, null, Duration.ofDays(30), PUBLISH_AHEAD, dataDir),
                KeyRingCodecTest.POLICY, store, clock, 100, false);
        publishJwks();
        Verifier verifier = verifier(algorithm);

        // a token of the first key
        TokenClaims firstClaims = KeyRingCodecTest.access(clock.instant());
        String first = tokens.codec().encode(firstClaims);
        assertThat(verifier.verify(first)).containsEntry("sub", "42").containsEntry("username", "kakao_4242");

        // rotate-keys: published at once, signing after the publish-ahead time
        KeyRotation next = tokens.signingKeys().rotate().stream().filter(r -> r.use() == TokenType.ACCESS).findFirst().orElseThrow();
        publishJwks();
        assertThat(jwks).contains(next.kid().value());
        clock.set(next.activatesAt());
        TokenClaims secondClaims = KeyRingCodecTest.access(clock.instant());
        String second = tokens.codec().encode(secondClaims);
        assertThat(KeyRingCodecTest.kid(second)).isEqualTo(next.kid().value()).isNotEqualTo(KeyRingCodecTest.kid(first));
        assertThat(verifier.verify(second)).containsEntry("jti", secondClaims.id().value());
        assertThat(verifier.verify(first)).as("the old key's token, until it expires").containsEntry("jti", firstClaims.id().value());
        assertThat(tokens.codec().decode(first, TokenType.ACCESS)).isEqualTo(firstClaims);

        clock.set(firstClaims.expiresAt().plusSeconds(1)); // Spring still accepts a token in its exp second
        assertThat(catchThrowable(() -> verifier.verify(first))).as("expired for the verifier").isNotNull();
        KeyRingCodecTest.assertRefused(tokens.codec(), first, TokenType.ACCESS, ErrorCode.TOKEN_EXPIRED);

        // the first key's horizon passes: removed from the ring and from the JWKS
        SigningKey firstKey = store.findAll(KeyRingCodecTest.ISSUER).stream()
                .filter(k -> k.kid().value().equals(KeyRingCodecTest.kid(first))).findFirst().orElseThrow();
        clock.set(next.activatesAt().plus(KeyRingCodecTest.POLICY.accessTtl()));
        tokens.reload();
        publishJwks();
        assertThat(jwks).doesNotContain(firstKey.kid().value());
        String byRemovedKey = signedBy(firstKey, algorithm, clock.instant());
        KeyRingCodecTest.assertRefused(tokens.codec(), byRemovedKey, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertThat(catchThrowable(() -> verifier(algorithm).verify(byRemovedKey))).as("a verifier reading today's JWKS").isNotNull();

        // a key that was never in the JWKS
        SigningKey foreign = KeyMaterial.generate(algorithm, TokenType.ACCESS, 1, clock.instant(), clock.instant());
        String byForeignKey = signedBy(foreign, algorithm, clock.instant());
        KeyRingCodecTest.assertRefused(tokens.codec(), byForeignKey, TokenType.ACCESS, ErrorCode.TOKEN_NOT_VALID);
        assertThat(catchThrowable(() -> verifier.verify(byForeignKey))).isNotNull();
        String stillFine = tokens.codec().encode(KeyRingCodecTest.access(clock.instant()));
        assertThat(verifier.verify(stillFine)).containsEntry("iss", KeyRingCodecTest.ISSUER);
    }

    /** What the web adapter serves at /.well-known/jwks.json. */
    private void publishJwks() throws Exception {
        PublishedKeys published = tokens.signingKeys().published();
        List<Map<String, String>> keys = new ArrayList<>();
        for (PublishedKey key : published.keys()) {
            keys.add(key.jwk());
        }
        jwks = new ObjectMapper().writeValueAsString(Map.of("keys", keys));
    }

    /** A token with our claims (fresh times) signed by {@code key} under its own kid. */
    private static String signedBy(SigningKey key, SigningAlgorithm algorithm, Instant issuedAt) {
        Key privateKey = KeyMaterial.load(key).signingKey();
        return HandMadeJws.sign(KeyRingCodecTest.headerJson(key.kid().value(), algorithm), KeyRingCodecTest.payload(KeyRingCodecTest.access(issuedAt)),
                algorithm, privateKey);
    }

    /** A verifier as a resource server would configure it; throws when it refuses. */
    private interface Verifier {
        Map<String, Object> verify(String token) throws Exception;
    }

    private Verifier verifier(SigningAlgorithm algorithm) {
        if (algorithm == SigningAlgorithm.EDDSA) {
            return token -> {
                SignedJWT jwt = SignedJWT.parse(token);
                JWK key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
                if (!(key instanceof OctetKeyPair okp) || !"EdDSA".equals(jwt.getHeader().getAlgorithm().getName())
                        || !jwt.verify(new Ed25519Verifier(okp))) {
                    throw new IllegalStateException("signature not verified with the JWKS");
                }
                Instant exp = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
                if (!clock.instant().isBefore(exp) || !KeyRingCodecTest.ISSUER.equals(jwt.getJWTClaimsSet().getIssuer())) {
                    throw new IllegalStateException("expired or not our issuer");
                }
                return jwt.getJWTClaimsSet().toJSONObject();
            };
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksServer.url("/.well-known/jwks.json").toString())
                .jwsAlgorithm(algorithm == SigningAlgorithm.ES256 ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(KeyRingCodecTest.ISSUER)));
        return token -> {
            Jwt jwt = decoder.decode(token);
            return Map.of("sub", jwt.getSubject(), "username", jwt.getClaimAsString("username"), "jti", jwt.getId(),
                    "iss", jwt.getIssuer().toString());
        };
    }
}
