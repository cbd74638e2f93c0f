package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sociallogin.bootstrap.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Issue 12 over real HTTP: other services verify our access tokens from what we publish, with a
 * verifier we did not write (Spring Security's resource-server decoder built from our issuer's
 * discovery, Nimbus itself for EdDSA, which Spring's decoder lacks); two instances on one MariaDB
 * share the key ring across rotations started at either; and a data directory written by v1 keeps
 * its logins after the upgrade.
 */
class JwksEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void givenEachAlgorithm_aVerifierBuiltFromOurIssuersDiscovery_verifiesALoginsAccessToken(String algorithm) throws Exception {
        int port = ServiceProcess.freePort();
        String issuer = "http://127.0.0.1:" + port;
        try (KakaoFake kakao = new KakaoFake();
             RunningService service = new RunningService(RunningService.variables(kakao, dataDir.toString(), "AUTH_JWT_SECRET", "",
                     "AUTH_HTTP_PORT", Integer.toString(port), "AUTH_JWT_ISSUER", issuer, "AUTH_JWT_ALGORITHM", algorithm))) {
            Http.Reply login = service.http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakao.newAccount("검증")) + "\"}");
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            String access = login.json().path("token").path("access").asText();
            long userId = login.json().path("user").path("id").asLong();
            assertThat(header(access).path("alg").asText()).isEqualTo(algorithm);
            assertThat(header(access).path("kid").asText()).isNotBlank();

            Http.Reply discovery = service.http.get("/.well-known/openid-configuration");
            assertThat(discovery.json().path("issuer").asText()).isEqualTo(issuer);
            assertThat(discovery.json().path("id_token_signing_alg_values_supported").toString()).contains(algorithm);
            Http.Reply jwks = service.http.get("/.well-known/jwks.json");
            assertThat(jwks.header("Cache-Control")).isEqualTo("public, max-age=300");
            assertThat(jwks.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"k\"");

            Map<String, Object> claims = independentlyVerified(issuer, algorithm, access);
            assertThat(claims).containsEntry("sub", Long.toString(userId)).containsEntry("iss", issuer);
            // a token of a key that is not in our JWKS, even under one of our kids, is refused by both
            String forged = signedByForeignKey(header(access).path("kid").asText(), issuer, userId);
            assertThatThrownBy(() -> independentlyVerified(issuer, "ES256", forged)).isInstanceOf(Exception.class);
            assertThat(service.http.post("/auth/verify", "{\"token\":\"" + forged + "\"}").code()).isEqualTo("token_not_valid");
        }
    }

    @Test
    void givenTwoInstancesOnOneMariaDb_tokensVerifyAtEither_acrossRotationsStartedAtEither() throws Exception {
        TestDatabase.require();
        String issuer = "https://auth-" + UUID.randomUUID() + ".example.test";
        try (KakaoFake kakao = new KakaoFake()) {
            Map<String, String> shared = RunningService.variables(kakao, dataDir.toString(), "AUTH_JWT_SECRET", "",
                    "AUTH_JWT_ISSUER", issuer, "AUTH_JWT_KEY_PUBLISH_AHEAD", "PT2S", "AUTH_DB_URL", TestDatabase.URL, "AUTH_DB_USER", TestDatabase.USER,
                    "AUTH_DB_PASSWORD", TestDatabase.PASSWORD);
            try (RunningService a = new RunningService(shared); RunningService b = new RunningService(shared)) {
                String fromA = login(a, kakao);
                String fromB = login(b, kakao);
                assertVerifiesAtBoth(fromA, a, b);
                assertVerifiesAtBoth(fromB, a, b);
                String firstKid = header(fromA).path("kid").asText();
                assertThat(header(fromB).path("kid").asText()).as("one ring").isEqualTo(firstKid);

                for (RunningService rotating : new RunningService[] {a, b}) {
                    String before = header(login(a, kakao)).path("kid").asText();
                    Map<String, String> ownVariables = new HashMap<>(shared);
                    Service.rotateKeys(ownVariables::get);
                    // published at once (each instance reads the ring within a second), signing after the publish-ahead
                    awaitKeys(a, 2 + (rotating == b ? 1 : 0));
                    awaitKeys(b, 2 + (rotating == b ? 1 : 0));
                    Thread.sleep(2_500);
                    String newer = login(rotating == a ? b : a, kakao);
                    assertThat(header(newer).path("kid").asText()).isNotEqualTo(before);
                    assertVerifiesAtBoth(newer, a, b);
                    // tokens of the retired key stay valid until they expire
                    assertVerifiesAtBoth(fromA, a, b);
                    assertVerifiesAtBoth(fromB, a, b);
                    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(b.baseUrl + "/.well-known/jwks.json")
                            .jwsAlgorithm(SignatureAlgorithm.ES256).build();
                    assertThat(decoder.decode(newer).getClaimAsString("username")).startsWith("kakao_");
                    assertThat(decoder.decode(fromA).getIssuer().toString()).isEqualTo(issuer);
                }
            }
        }
    }

    @Test
    void givenADataDirectoryWrittenByV1_upgrading_logsNobodyOut() throws Exception {
        Path fixture = Path.of("src", "test", "resources", "upgrade-v1");
        Path copy = dataDir.resolve("data");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(fixture.resolve("data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.setPosixFilePermissions(copy.resolve("jwt-secret.key"), PosixFilePermissions.fromString("rw-------"));
        JsonNode v1 = JSON.readTree(Files.readString(fixture.resolve("tokens.json"), StandardCharsets.UTF_8));
        try (KakaoFake kakao = new KakaoFake();
             RunningService service = new RunningService(RunningService.variables(kakao, copy.toString(), "AUTH_JWT_SECRET", "",
                     "AUTH_ACCESS_TOKEN_TTL", "P3650D", "AUTH_REFRESH_TOKEN_TTL", "P3650D", "AUTH_SESSION_MAX_LIFETIME", "P3650D"))) {
            String v1Access = v1.path("access").asText();
            assertThat(header(v1Access).has("kid")).as("a v1 token").isFalse();
            Http.Reply me = service.http.get("/api/users/me", "Authorization", "Bearer " + v1Access);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().path("id").asLong()).isEqualTo(v1.path("user").path("id").asLong());
            assertThat(service.http.post("/auth/verify", "{\"token\":\"" + v1Access + "\"}").status()).isEqualTo(200);

            Http.Reply refreshed = service.http.post("/auth/refresh", "{\"refresh\":\"" + v1.path("refresh").asText() + "\"}");
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            String newAccess = refreshed.json().path("access").asText();
            assertThat(header(newAccess).path("alg").asText()).isEqualTo("ES256");
            assertThat(header(refreshed.json().path("refresh").asText()).path("kid").asText()).isNotBlank();
            assertThat(service.http.get("/api/users/me", "Authorization", "Bearer " + newAccess).json().path("username").asText())
                    .isEqualTo(v1.path("user").path("username").asText());
        }
    }

    private static String login(RunningService service, KakaoFake kakao) {
        Http.Reply login = service.http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakao.newAccount("둘")) + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("token").path("access").asText();
    }

    private static void assertVerifiesAtBoth(String access, RunningService a, RunningService b) {
        for (RunningService service : new RunningService[] {a, b}) {
            Http.Reply me = service.http.get("/api/users/me", "Authorization", "Bearer " + access);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
        }
    }

    private static void awaitKeys(RunningService service, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int count = 0;
        while (System.nanoTime() < deadline) {
            count = service.http.get("/.well-known/jwks.json").json().path("keys").size();
            if (count >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        fail("JWKS of " + service.baseUrl + " holds " + count + " keys, expected at least " + atLeast);
    }

    /** Claims as an independent verifier reads them, from nothing but our issuer; throws when it refuses. */
    private static Map<String, Object> independentlyVerified(String issuer, String algorithm, String token) throws Exception {
        if (!algorithm.equals("EdDSA")) {
            JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            Jwt jwt = decoder.decode(token);
            return Map.of("sub", jwt.getSubject(), "iss", jwt.getIssuer().toString());
        }
        // Spring's decoder knows no EdDSA: Nimbus with Tink, keys from the jwks_uri of our discovery
        JsonNode discovery = JSON.readTree(new Http(issuer).get("/.well-known/openid-configuration").body());
        String jwksUri = discovery.path("jwks_uri").asText();
        String path = jwksUri.substring(issuer.length());
        JWKSet keys = JWKSet.parse(new Http(issuer).get(path).body());
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof OctetKeyPair okp) || !jwt.verify(new Ed25519Verifier(okp))) {
            throw new IllegalStateException("not verified by the published keys");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!Instant.now().isBefore(claims.getExpirationTime().toInstant()) || !issuer.equals(claims.getIssuer())) {
            throw new IllegalStateException("expired or another issuer");
        }
        return Map.of("sub", claims.getSubject(), "iss", claims.getIssuer());
    }

    /** A well-formed access token of ours in every claim, signed by a key that is not ours. */
    private static String signedByForeignKey(String kid, String issuer, long userId) throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(Long.toString(userId)).claim("username", "kakao_1")
                .claim("token_type", "access").jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(foreign));
        return jwt.serialize();
    }

    private static JsonNode header(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
    }

}
