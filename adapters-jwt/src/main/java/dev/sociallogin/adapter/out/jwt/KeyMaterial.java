package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenType;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Key material for the ring: new keys (JCA, PKCS#8 and X.509 encodings; raw bytes for HMAC), stored
 * keys decoded into JCA keys, and access keys' public JWKs (through jjwt's {@code Jwks}). Messages
 * name kids and algorithms, never material.
 */
final class KeyMaterial {

    /** RS256 keys we generate: the contract's minimum, which keeps signing cheap. */
    static final int RSA_BITS = 2048;
    /** HMAC keys we generate: as long as the hash output. */
    static final int HMAC_BYTES = 32;
    /** The JWK members in the order we publish them; the key-type specific ones follow {@code alg}. */
    private static final List<String> JWK_ORDER = List.of("kty", "crv", "kid", "use", "alg", "n", "e", "x", "y");

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    /** A new key with a random kid (128 bits, base64url): kids say nothing about the key. */
    static SigningKey generate(SigningAlgorithm algorithm, TokenType use, long generation, Instant createdAt, Instant activatesAt) {
        byte[] kid = new byte[16];
        RANDOM.nextBytes(kid);
        KeyId id = new KeyId(Base64.getUrlEncoder().withoutPadding().encodeToString(kid));
        if (algorithm.isSymmetric()) {
            byte[] secret = new byte[HMAC_BYTES];
            RANDOM.nextBytes(secret);
            try {
                return new SigningKey(id, use, algorithm, generation, secret, new byte[0], createdAt, activatesAt);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        KeyPair pair = keyPair(algorithm);
        byte[] privateKey = pair.getPrivate().getEncoded();
        try {
            return new SigningKey(id, use, algorithm, generation, privateKey, pair.getPublic().getEncoded(), createdAt, activatesAt);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** The JCA keys of a stored key; {@link IllegalStateException} (naming the kid only) when they cannot be decoded. */
    static LoadedKey load(SigningKey key) {
        byte[] privateKey = key.privateKey();
        try {
            if (key.algorithm().isSymmetric()) {
                SecretKey secret = JwtKeys.fromBytes(privateKey);
                return new LoadedKey(key.kid(), key.algorithm(), key.use(), secret, secret, null);
            }
            KeyFactory factory = KeyFactory.getInstance(jcaName(key.algorithm()));
            PrivateKey signing = factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            PublicKey verifying = factory.generatePublic(new X509EncodedKeySpec(key.publicKey()));
            if (key.algorithm() == SigningAlgorithm.RS256 && ((RSAPublicKey) verifying).getModulus().bitLength() < RSA_BITS) {
                throw new IllegalStateException("RS256 key " + key.kid() + " is shorter than " + RSA_BITS + " bits");
            }
            return new LoadedKey(key.kid(), key.algorithm(), key.use(), signing, verifying,
                    key.use() == TokenType.ACCESS ? publish(key, verifying) : null);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unusable) {
            throw new IllegalStateException("stored key " + key.kid() + " (" + key.algorithm().jwaName() + ") cannot be decoded ("
                    + unusable.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** The public JWK of an access key, members in {@link #JWK_ORDER}. */
    static PublishedKey publish(SigningKey key, PublicKey publicKey) {
        PublicJwk<?> jwk = (PublicJwk<?>) Jwks.builder().key(publicKey)
                .id(key.kid().value())
                .algorithm(key.algorithm().jwaName())
                .publicKeyUse("sig")
                .build();
        Map<String, String> members = new LinkedHashMap<>();
        for (String name : JWK_ORDER) {
            Object value = jwk.get(name);
            if (value != null) {
                members.put(name, value.toString());
            }
        }
        return new PublishedKey(key.kid(), key.algorithm(), members);
    }

    private static KeyPair keyPair(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case ES256:
                return Jwts.SIG.ES256.keyPair().random(RANDOM).build();
            case RS256:
                try {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(RSA_BITS, RANDOM);
                    return generator.generateKeyPair();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("RSA is part of every JDK", e);
                }
            case EDDSA:
                try {
                    // the JDK's own Ed25519 (JDK 15+): jjwt's EdDSA default would be Ed448
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
                }
            default:
                throw new IllegalArgumentException("not an asymmetric algorithm: " + algorithm.jwaName());
        }
    }

    private static String jcaName(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case ES256:
                return "EC";
            case RS256:
                return "RSA";
            case EDDSA:
                return "Ed25519";
            default:
                throw new IllegalArgumentException("not an asymmetric algorithm: " + algorithm.jwaName());
        }
    }

    /**
     * A key ready for jjwt: the signing and verifying JCA keys (the same secret for HMAC), the token
     * type it signs ({@code null}: both, the one secret under HS256) and, for access keys of the ring,
     * the JWK it is published as.
     */
    record LoadedKey(KeyId kid, SigningAlgorithm algorithm, TokenType use, Key signingKey, Key verifyingKey, PublishedKey published) {

        boolean signs(TokenType type) {
            return use == null || use == type;
        }

        @Override
        public String toString() {
            // the JCA keys' own toString can print parameters of the private key
            return "LoadedKey[kid=" + kid + ", algorithm=" + algorithm.jwaName() + ", use=" + (use == null ? "any" : use.claim()) + "]";
        }
    }
}
