package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates an OpenID Connect ID token (Core 1.0 §3.1.3.7) with the JDK's own crypto, no JWT
 * library: a compact JWS whose algorithm is one of RS256/384/512, PS256/384/512 and ES256/384/512
 * (so {@code none} and every HMAC algorithm are refused before any key is looked at, and an HMAC
 * "signed with the public key" never verifies), signed by a key from the issuer's key set chosen by
 * {@code kid} whose type, curve and declared {@code alg} fit the token's algorithm, and which the
 * issuer advertises; then {@code iss} equal to the issuer, {@code aud} naming our client (and
 * {@code azp} ours when there are several audiences), {@code exp} in the future and {@code iat} not,
 * within {@link #CLOCK_SKEW}, the flow's {@code nonce} when there is a flow, and a usable {@code sub}.
 * Every failure is {@code PROVIDER_REJECTED}, logged with the reason and never with the token.
 */
public final class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final int MAX_LENGTH = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IdTokenVerifier.class);
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Map<String, String> CURVE_OF = Map.of("ES256", "P-256", "ES384", "P-384", "ES512", "P-521");
    private static final Map<String, Integer> EC_SIGNATURE_BYTES = Map.of("ES256", 64, "ES384", 96, "ES512", 132);

    private final String provider;
    private final String issuer;
    private final String clientId;
    private final JwksKeys keys;
    private final Supplier<List<String>> advertisedAlgorithms;
    private final Clock clock;

    /** @param advertisedAlgorithms the issuer's {@code id_token_signing_alg_values_supported}; empty: RS256 only (the default) */
    public IdTokenVerifier(String provider, String issuer, String clientId, JwksKeys keys, Supplier<List<String>> advertisedAlgorithms,
                           Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.advertisedAlgorithms = Objects.requireNonNull(advertisedAlgorithms, "advertisedAlgorithms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The claims of a valid ID token.
     *
     * @param expectedNonce the flow's nonce, which the token must carry; {@code null} for a code an
     *                      app obtained itself (no flow of ours, no nonce to compare)
     */
    public JsonNode verify(String idToken, String expectedNonce) {
        if (idToken == null || idToken.length() > MAX_LENGTH) {
            throw refuse("missing or oversized");
        }
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw refuse("not a compact JWS");
        }
        JsonNode header = ProviderHttp.parseObject(decode(parts[0]));
        JsonNode claims = ProviderHttp.parseObject(decode(parts[1]));
        byte[] signature = decode(parts[2]);
        if (header == null || claims == null) {
            throw refuse("header or claims not a JSON object");
        }
        String alg = JsonFields.text(header, "alg");
        if (alg == null || !isAsymmetric(alg)) {
            throw refuse("algorithm " + ProviderErrors.sanitize(alg) + " not allowed");
        }
        List<String> advertised = advertisedAlgorithms.get();
        if (advertised.isEmpty() ? !alg.equals("RS256") : !advertised.contains(alg)) {
            throw refuse("algorithm " + alg + " not advertised by the issuer");
        }
        if (header.has("crit")) {
            throw refuse("critical header extensions are not understood");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        boolean verified = false;
        for (JwksKeys.Key key : keys.candidates(JsonFields.text(header, "kid"))) {
            if (fits(key, alg) && verifies(alg, key, signed, signature)) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw refuse("no key of the issuer's set verifies the signature");
        }
        checkClaims(claims, expectedNonce);
        return claims;
    }

    private void checkClaims(JsonNode claims, String expectedNonce) {
        if (!issuer.equals(JsonFields.text(claims, "iss"))) {
            throw refuse("wrong issuer");
        }
        JsonNode aud = claims.get("aud");
        boolean ours = aud != null && (aud.isTextual() ? aud.asText().equals(clientId) : aud.isArray() && contains(aud, clientId));
        if (!ours) {
            throw refuse("audience is not our client");
        }
        String azp = JsonFields.text(claims, "azp");
        if ((aud.isArray() && aud.size() > 1 && azp == null) || (azp != null && !azp.equals(clientId))) {
            throw refuse("authorized party is not our client");
        }
        Instant now = clock.instant();
        Instant exp = numericDate(claims, "exp");
        Instant iat = numericDate(claims, "iat");
        if (exp == null || !now.isBefore(exp.plus(CLOCK_SKEW))) {
            throw refuse("expired or without exp");
        }
        if (iat == null || iat.isAfter(now.plus(CLOCK_SKEW))) {
            throw refuse("issued in the future or without iat");
        }
        if (expectedNonce != null) {
            String nonce = JsonFields.text(claims, "nonce");
            if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
                throw refuse("nonce missing or not this login's");
            }
        }
        String sub = JsonFields.text(claims, "sub");
        if (sub == null || !SUBJECT.matcher(sub).matches()) {
            throw refuse("subject missing or unusable");
        }
    }

    private static boolean isAsymmetric(String alg) {
        return alg.matches("(RS|PS|ES)(256|384|512)");
    }

    /** The key's own algorithm, type and curve must be the token's: no key is used with another algorithm. */
    private static boolean fits(JwksKeys.Key key, String alg) {
        if (key.algorithm() != null && !key.algorithm().equals(alg)) {
            return false;
        }
        if (alg.startsWith("ES")) {
            return key.publicKey() instanceof ECPublicKey && CURVE_OF.get(alg).equals(key.curve());
        }
        return key.publicKey() instanceof RSAPublicKey;
    }

    private static boolean verifies(String alg, JwksKeys.Key key, byte[] signed, byte[] signature) {
        String bits = alg.substring(2);
        try {
            Signature verifier;
            if (alg.startsWith("ES")) {
                if (signature.length != EC_SIGNATURE_BYTES.get(alg)) {
                    return false;
                }
                verifier = Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
            } else if (alg.startsWith("PS")) {
                verifier = Signature.getInstance("RSASSA-PSS");
                String digest = "SHA-" + bits;
                verifier.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), Integer.parseInt(bits) / 8, 1));
            } else {
                verifier = Signature.getInstance("SHA" + bits + "withRSA");
            }
            verifier.initVerify(key.publicKey());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A base64url part in its one canonical form (no padding, unused bits zero), else refused. */
    private byte[] decode(String part) {
        if (!PART.matcher(part).matches()) {
            throw refuse("a part is not base64url");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw refuse("a part is not base64url");
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
            throw refuse("a part is not canonical base64url");
        }
        return bytes;
    }

    private static Instant numericDate(JsonNode claims, String field) {
        JsonNode node = claims.get(field);
        if (node == null || !node.isNumber() || !node.canConvertToLong()) {
            return null;
        }
        return Instant.ofEpochSecond(node.longValue());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.isTextual() && item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private DomainException refuse(String why) {
        log.warn("{} ID token refused: {}", provider, why);
        return ProviderErrors.rejected(provider + " ID token refused: " + why);
    }
}
