package dev.sociallogin.provider.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks one by one, with keys generated here and a key set served over HTTP: what the
 * verifier accepts (RS256, PS256, ES256, ES384), and each way a token or a key set can be wrong.
 */
class IdTokenVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://id.example.test";
    private static final String CLIENT = "client-1";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static KeyPair rsa;
    private static KeyPair p256;
    private static KeyPair p384;

    private MockWebServer server;
    private ArrayNode keys;
    private List<String> advertised = List.of("RS256", "PS256", "ES256", "ES384");

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        p256 = ec.generateKeyPair();
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        p384 = ec.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        keys = JSON.createArrayNode();
        keys.add(rsaJwk("rsa", null));
        keys.add(ecJwk("p256", p256, "P-256", 32));
        keys.add(ecJwk("p384", p384, "P-384", 48));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private IdTokenVerifier verifier() {
        server.enqueue(new MockResponse().setBody(JSON.createObjectNode().set("keys", keys).toString()));
        ProviderHttp http = new ProviderHttp("Test", ProviderHttp.newClient(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JwksKeys jwks = new JwksKeys(http, () -> URI.create(server.url("/jwks").toString()), clock, Duration.ofMinutes(1));
        return new IdTokenVerifier("Test", ISSUER, CLIENT, jwks, () -> advertised, clock);
    }

    private static ObjectNode claims() {
        return JSON.createObjectNode().put("iss", ISSUER).put("aud", CLIENT).put("sub", "subject-1")
                .put("iat", NOW.getEpochSecond()).put("exp", NOW.plusSeconds(300).getEpochSecond()).put("nonce", "nonce-1");
    }

    private static String token(String alg, String kid, JsonNode claims) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("alg", alg);
        if (kid != null) {
            header.put("kid", kid);
        }
        return sign(header, claims);
    }

    private static String sign(ObjectNode header, JsonNode claims) throws Exception {
        String alg = header.path("alg").asText();
        String input = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
        Signature signature;
        if (alg.equals("PS256")) {
            signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signature.initSign(rsa.getPrivate());
        } else if (alg.startsWith("ES")) {
            signature = Signature.getInstance("SHA" + alg.substring(2) + "withECDSAinP1363Format");
            signature.initSign(alg.equals("ES256") ? p256.getPrivate() : p384.getPrivate());
        } else {
            signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(rsa.getPrivate());
        }
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(signature.sign());
    }

    private static ObjectNode rsaJwk(String kid, String alg) {
        RSAPublicKey key = (RSAPublicKey) rsa.getPublic();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("kid", kid).put("n", b64(unsigned(key.getModulus())))
                .put("e", b64(unsigned(key.getPublicExponent())));
        if (alg != null) {
            jwk.put("alg", alg);
        }
        return jwk;
    }

    private static ObjectNode ecJwk(String kid, KeyPair pair, String curve, int size) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return JSON.createObjectNode().put("kty", "EC").put("kid", kid).put("crv", curve)
                .put("x", b64(fixed(key.getW().getAffineX(), size))).put("y", b64(fixed(key.getW().getAffineY(), size)));
    }

    private static DomainException refused(IdTokenVerifier verifier, String token, String nonce) {
        Throwable thrown = catchThrowable(() -> verifier.verify(token, nonce));
        assertThat(thrown).isInstanceOf(DomainException.class);
        assertThat(((DomainException) thrown).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(thrown.getMessage()).doesNotContain(token.substring(0, 20));
        return (DomainException) thrown;
    }

    @Test
    void givenTokensOfEachSupportedAlgorithm_verify_answersTheClaims() throws Exception {
        IdTokenVerifier verifier = verifier();

        assertThat(verifier.verify(token("RS256", "rsa", claims()), "nonce-1").path("sub").asText()).isEqualTo("subject-1");
        assertThat(verifier.verify(token("PS256", "rsa", claims()), "nonce-1").path("sub").asText()).isEqualTo("subject-1");
        assertThat(verifier.verify(token("ES256", "p256", claims()), "nonce-1").path("sub").asText()).isEqualTo("subject-1");
        assertThat(verifier.verify(token("ES384", "p384", claims()), "nonce-1").path("sub").asText()).isEqualTo("subject-1");
        assertThat(server.getRequestCount()).as("the key set is fetched once").isEqualTo(1);
    }

    @Test
    void givenAppCodeWithoutNonce_verify_needsNoNonce() throws Exception {
        ObjectNode claims = claims();
        claims.remove("nonce");

        assertThat(verifier().verify(token("RS256", "rsa", claims), null).path("sub").asText()).isEqualTo("subject-1");
    }

    @Test
    void givenKeyUsedWithAnotherAlgorithmOrCurve_verify_refuses() throws Exception {
        keys.set(0, rsaJwk("rsa", "RS256"));
        IdTokenVerifier verifier = verifier();

        // the JWK says RS256: the same RSA key signing PS256 is refused
        refused(verifier, token("PS256", "rsa", claims()), "nonce-1");
        // an ES384 signature under the P-256 key's id
        refused(verifier, token("ES384", "p256", claims()), "nonce-1");
        assertThat(verifier.verify(token("RS256", "rsa", claims()), "nonce-1")).isNotNull();
    }

    @Test
    void givenAlgorithmTheIssuerDoesNotAdvertise_verify_refuses() throws Exception {
        advertised = List.of("RS256");

        refused(verifier(), token("ES256", "p256", claims()), "nonce-1");
    }

    @Test
    void givenNoAdvertisedAlgorithms_onlyRs256_theDiscoveryDefault() throws Exception {
        advertised = List.of();
        IdTokenVerifier verifier = verifier();

        assertThat(verifier.verify(token("RS256", "rsa", claims()), "nonce-1")).isNotNull();
        refused(verifier, token("ES256", "p256", claims()), "nonce-1");
    }

    @Test
    void givenCriticalHeaderOrMalformedParts_verify_refuses() throws Exception {
        IdTokenVerifier verifier = verifier();
        ObjectNode crit = JSON.createObjectNode().put("alg", "RS256").put("kid", "rsa");
        crit.putArray("crit").add("exp");
        refused(verifier, sign(crit, claims()), "nonce-1");

        String good = token("RS256", "rsa", claims());
        refused(verifier, good + "=", "nonce-1");
        refused(verifier, good.replace('.', ','), "nonce-1");
        refused(verifier, good + ".x", "nonce-1");
        // a 256-byte signature is 342 base64url characters, the last carrying 4 unused bits: flipping one
        // gives another spelling of the very same signature, which only the canonical form may have
        String other = good.substring(0, good.length() - 1) + alternative(good.substring(good.length() - 1));
        assertThat(Base64.getUrlDecoder().decode(other.substring(other.lastIndexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(good.substring(good.lastIndexOf('.') + 1)));
        refused(verifier, other, "nonce-1");
        refused(verifier, "x".repeat(IdTokenVerifier.MAX_LENGTH + 1), null);
    }

    /** Another base64url character decoding to the same bits as {@code c} in the last position of a 2-byte group. */
    private static String alternative(String c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(c);
        return String.valueOf(alphabet.charAt(index ^ 0x1));
    }

    @Test
    void givenSeveralAudiences_azpMustBeOurs() throws Exception {
        IdTokenVerifier verifier = verifier();
        ObjectNode both = claims();
        both.putArray("aud").add(CLIENT).add("other");
        refused(verifier, token("RS256", "rsa", both), "nonce-1");

        both.put("azp", CLIENT);
        assertThat(verifier.verify(token("RS256", "rsa", both), "nonce-1")).isNotNull();
        both.put("azp", "other");
        refused(verifier, token("RS256", "rsa", both), "nonce-1");
    }

    @Test
    void givenTimesWithinAndBeyondTheSkew_verify_decidesByTheSkew() throws Exception {
        IdTokenVerifier verifier = verifier();
        ObjectNode justExpired = claims().put("exp", NOW.minusSeconds(30).getEpochSecond());
        assertThat(verifier.verify(token("RS256", "rsa", justExpired), "nonce-1")).as("within 60 s of skew").isNotNull();
        refused(verifier, token("RS256", "rsa", claims().put("exp", NOW.minusSeconds(61).getEpochSecond())), "nonce-1");
        refused(verifier, token("RS256", "rsa", claims().put("iat", NOW.plusSeconds(61).getEpochSecond())), "nonce-1");
        refused(verifier, token("RS256", "rsa", claims().put("exp", "tomorrow")), "nonce-1");
        ObjectNode noIat = claims();
        noIat.remove("iat");
        refused(verifier, token("RS256", "rsa", noIat), "nonce-1");
    }

    @Test
    void givenUnusableKeysInTheSet_parse_skipsThem() {
        ObjectNode privateToo = rsaJwk("leaked", null).put("d", "AQAB");
        ObjectNode encryption = rsaJwk("enc", null).put("use", "enc");
        ObjectNode symmetric = JSON.createObjectNode().put("kty", "oct").put("kid", "oct").put("k", "c2VjcmV0");
        ObjectNode offCurve = ecJwk("bad", p256, "P-256", 32).put("y", b64(fixed(BigInteger.valueOf(12345), 32)));
        ObjectNode unknownCurve = ecJwk("k1", p256, "secp256k1", 32);

        for (ObjectNode jwk : new ObjectNode[] {privateToo, encryption, symmetric, offCurve, unknownCurve}) {
            assertThat(JwksKeys.parse(jwk)).as(jwk.toString()).isEmpty();
        }
        assertThat(JwksKeys.parse(rsaJwk("rsa", null))).isPresent();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = unsigned(value);
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
