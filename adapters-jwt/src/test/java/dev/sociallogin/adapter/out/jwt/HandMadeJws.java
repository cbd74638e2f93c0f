package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWS built byte by byte with the JCA, for tokens our codec would never write. */
final class HandMadeJws {

    private HandMadeJws() {
    }

    /** {@code header.payload.signature} over exactly these JSON texts, signed as {@code algorithm} with {@code key}. */
    static String sign(String headerJson, String payloadJson, SigningAlgorithm algorithm, Key key) {
        String signingInput = segment(headerJson) + "." + segment(payloadJson);
        return signingInput + "." + b64(signature(signingInput.getBytes(StandardCharsets.US_ASCII), algorithm, key));
    }

    /** An HMAC-SHA256 signature keyed with any bytes (an algorithm-confusion attack uses a public key's). */
    static String hmac(String headerJson, String payloadJson, byte[] secret) {
        String signingInput = segment(headerJson) + "." + segment(payloadJson);
        return signingInput + "." + b64(mac(signingInput.getBytes(StandardCharsets.US_ASCII), secret));
    }

    static byte[] signature(byte[] input, SigningAlgorithm algorithm, Key key) {
        try {
            switch (algorithm) {
                case HS256:
                    return mac(input, key.getEncoded());
                case ES256:
                    return sign(input, "SHA256withECDSAinP1363Format", (PrivateKey) key);
                case EDDSA:
                    return sign(input, "Ed25519", (PrivateKey) key);
                case RS256:
                    return sign(input, "SHA256withRSA", (PrivateKey) key);
                default:
                    throw new IllegalArgumentException(algorithm.name());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(byte[] input, String jca, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jca);
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }

    private static byte[] mac(byte[] input, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String segment(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decodeSegment(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }
}
