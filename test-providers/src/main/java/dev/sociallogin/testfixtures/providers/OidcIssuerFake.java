package dev.sociallogin.testfixtures.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An OpenID Connect issuer over real HTTP: discovery, a JWKS with an RSA and an EC key generated
 * at start, a token endpoint that issues real signed ID tokens, and userinfo. Like a real issuer it
 * authenticates the client, binds each single-use code to the redirect URI, nonce and PKCE
 * challenge it was issued for, and refuses a code verifier whose S256 is not that challenge.
 *
 * <p>The browser's visit to the issuer is {@link #approve}: it reads the authorize URL our service
 * redirected to (client, redirect URI, state, nonce, challenge) and answers the code the issuer
 * would send back. {@link #tamperNextIdToken} makes the next ID token an attack.
 */
public final class OidcIssuerFake implements AutoCloseable {

    public static final String CLIENT_ID = "oidc-client-e2e";
    public static final String CLIENT_SECRET = "oidc-secret-e2e-0123456789";
    public static final String RSA_KID = "rsa-2026";
    public static final String EC_KID = "ec-2026";

    /** How the next ID token is signed. */
    public enum Signing { RS256, ES256, NONE, HS256_WITH_THE_RSA_PUBLIC_KEY, UNKNOWN_KID }

    /** A person at the issuer. */
    public record Person(String subject, String email, boolean emailVerified, String name) {
    }

    private record Grant(Person person, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final KeyPair rsa;
    private final KeyPair ec;
    private final KeyPair unlisted;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();
    private final AtomicReference<Signing> nextSigning = new AtomicReference<>();
    private final AtomicReference<Consumer<ObjectNode>> nextClaims = new AtomicReference<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile Signing signing = Signing.RS256;
    private volatile boolean down;
    private volatile boolean idTokenWithoutProfile;

    public OidcIssuerFake() {
        try {
            KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
            rsaGenerator.initialize(2048);
            rsa = rsaGenerator.generateKeyPair();
            unlisted = rsaGenerator.generateKeyPair();
            KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
            ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
            ec = ecGenerator.generateKeyPair();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answer(request);
                }
            });
            server.start();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer identifier, also the base of every endpoint. */
    public String issuer() {
        return server.url("/realms/e2e").toString();
    }

    /** Signs every later ID token so (default RS256). */
    public void signWith(Signing signing) {
        this.signing = signing;
    }

    /** The next ID token only: signed so, its claims changed by {@code claims} after they are filled. */
    public void tamperNextIdToken(Signing signing, Consumer<ObjectNode> claims) {
        nextSigning.set(signing);
        nextClaims.set(claims);
    }

    /** While down, every endpoint answers 503 (an unreachable issuer, as far as a login can tell). */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** ID tokens without email and name: the relying party must read them from userinfo. */
    public void idTokensWithoutProfile(boolean without) {
        this.idTokenWithoutProfile = without;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    /**
     * The person logs in at the issuer through the authorize URL our service redirected to; answers
     * the code the issuer sends back to the redirect URI. Refuses (as an issuer's error page would)
     * a URL for another client or without {@code response_type=code}.
     */
    public String approve(URI authorizeUrl, Person person) {
        Map<String, String> query = query(authorizeUrl.getRawQuery());
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))) {
            throw new IllegalArgumentException("the issuer refuses this authorize request");
        }
        String challenge = query.get("code_challenge");
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            throw new IllegalArgumentException("the issuer takes S256 challenges only");
        }
        String code = "oidc-code-" + UUID.randomUUID();
        codes.put(code, new Grant(person, query.get("client_id"), query.get("redirect_uri"), query.get("nonce"), challenge));
        return code;
    }

    private MockResponse answer(RecordedRequest request) {
        if (down) {
            return new MockResponse().setResponseCode(503).setBody("<html>down</html>");
        }
        String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
        String base = URI.create(issuer()).getPath();
        switch (path.startsWith(base) ? path.substring(base.length()) : path) {
            case "/.well-known/openid-configuration":
                discoveryRequests.incrementAndGet();
                return json(200, discovery());
            case "/protocol/openid-connect/certs":
                jwksRequests.incrementAndGet();
                return json(200, jwks());
            case "/protocol/openid-connect/token":
                tokenRequests.incrementAndGet();
                return token(request);
            case "/protocol/openid-connect/userinfo":
                return userinfo(request);
            default:
                return json(404, JSON.createObjectNode().put("error", "not_found"));
        }
    }

    private ObjectNode discovery() {
        ObjectNode document = JSON.createObjectNode()
                .put("issuer", issuer())
                .put("authorization_endpoint", issuer() + "/protocol/openid-connect/auth")
                .put("token_endpoint", issuer() + "/protocol/openid-connect/token")
                .put("jwks_uri", issuer() + "/protocol/openid-connect/certs")
                .put("userinfo_endpoint", issuer() + "/protocol/openid-connect/userinfo");
        document.putArray("response_types_supported").add("code");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add("RS256").add("ES256");
        document.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        document.putArray("code_challenge_methods_supported").add("S256");
        return document;
    }

    private ObjectNode jwks() {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        RSAPublicKey rsaKey = (RSAPublicKey) rsa.getPublic();
        keys.addObject().put("kty", "RSA").put("kid", RSA_KID).put("use", "sig").put("alg", "RS256")
                .put("n", b64(unsigned(rsaKey.getModulus()))).put("e", b64(unsigned(rsaKey.getPublicExponent())));
        ECPublicKey ecKey = (ECPublicKey) ec.getPublic();
        keys.addObject().put("kty", "EC").put("kid", EC_KID).put("use", "sig").put("alg", "ES256").put("crv", "P-256")
                .put("x", b64(fixed(ecKey.getW().getAffineX(), 32))).put("y", b64(fixed(ecKey.getW().getAffineY(), 32)));
        // a symmetric key in the set: a relying party must never verify an issuer's token with it
        keys.addObject().put("kty", "oct").put("kid", "oct-1").put("k", b64("not-a-signing-key".getBytes(StandardCharsets.UTF_8)));
        return set;
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = query(request.getBody().readUtf8());
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
            return error(401, "invalid_client");
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null || !grant.clientId().equals(clientId)
                || !String.valueOf(grant.redirectUri()).equals(form.get("redirect_uri"))) {
            return error(400, "invalid_grant");
        }
        if (grant.challenge() != null && (form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(grant.challenge()))) {
            return error(400, "invalid_grant");
        }
        String accessToken = "oidc-at-" + UUID.randomUUID();
        accessTokens.put(accessToken, grant.person());
        ObjectNode answer = JSON.createObjectNode().put("access_token", accessToken).put("token_type", "Bearer").put("expires_in", 300)
                .put("id_token", idToken(grant));
        return json(200, answer);
    }

    private String idToken(Grant grant) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", issuer()).put("sub", grant.person().subject()).put("aud", CLIENT_ID)
                .put("exp", now + 300).put("iat", now).put("auth_time", now);
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        if (!idTokenWithoutProfile) {
            putProfile(claims, grant.person());
        }
        Signing how = nextSigning.getAndSet(null);
        Consumer<ObjectNode> change = nextClaims.getAndSet(null);
        if (change != null) {
            change.accept(claims);
        }
        return sign(claims, how == null ? signing : how);
    }

    private static void putProfile(ObjectNode claims, Person person) {
        if (person.email() != null) {
            claims.put("email", person.email()).put("email_verified", person.emailVerified());
        }
        if (person.name() != null) {
            claims.put("name", person.name());
        }
    }

    private MockResponse userinfo(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        Person person = header != null && header.startsWith("Bearer ") ? accessTokens.get(header.substring(7)) : null;
        if (person == null) {
            return new MockResponse().setResponseCode(401).setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ObjectNode claims = JSON.createObjectNode().put("sub", person.subject());
        putProfile(claims, person);
        return json(200, claims);
    }

    /** A compact JWS of {@code claims}, signed as {@code how} says. */
    public String sign(JsonNode claims, Signing how) {
        try {
            String alg = switch (how) {
                case ES256 -> "ES256";
                case NONE -> "none";
                case HS256_WITH_THE_RSA_PUBLIC_KEY -> "HS256";
                default -> "RS256";
            };
            ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
            header.put("kid", switch (how) {
                case ES256 -> EC_KID;
                case UNKNOWN_KID -> "rotated-away";
                default -> RSA_KID;
            });
            String input = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
            byte[] data = input.getBytes(StandardCharsets.US_ASCII);
            byte[] signature = switch (how) {
                case NONE -> new byte[0];
                case HS256_WITH_THE_RSA_PUBLIC_KEY -> {
                    // the classic confusion attack: HMAC keyed with the issuer's public key, which anyone can fetch
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(rsa.getPublic().getEncoded(), "HmacSHA256"));
                    yield mac.doFinal(data);
                }
                case ES256 -> signed("SHA256withECDSAinP1363Format", ec, data);
                case UNKNOWN_KID -> signed("SHA256withRSA", unlisted, data);
                default -> signed("SHA256withRSA", rsa, data);
            };
            return input + "." + b64(signature);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signed(String algorithm, KeyPair keys, byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(data);
        return signature.sign();
    }

    private static String s256(String verifier) {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static MockResponse error(int status, String error) {
        return json(status, JSON.createObjectNode().put("error", error).put("error_description", "refused by the fake issuer"));
    }

    private static MockResponse json(int status, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
