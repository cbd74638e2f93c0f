package dev.sociallogin.domain.model;

import java.util.Optional;

/**
 * The JWS algorithms our keys sign with (RFC 7518 names). Access tokens use the configured one;
 * refresh tokens, read only by this service, always {@link #HS256}.
 */
public enum SigningAlgorithm {
    /** ECDSA on P-256 with SHA-256. */
    ES256("ES256", false),
    /** EdDSA on Ed25519. */
    EDDSA("EdDSA", false),
    /** RSASSA-PKCS1-v1_5 with SHA-256, keys of at least 2048 bits. */
    RS256("RS256", false),
    /** HMAC with SHA-256: a shared secret, never published. */
    HS256("HS256", true);

    private final String jwaName;
    private final boolean symmetric;

    SigningAlgorithm(String jwaName, boolean symmetric) {
        this.jwaName = jwaName;
        this.symmetric = symmetric;
    }

    /** As written in a JWS header's {@code alg} and a JWK's {@code alg}. */
    public String jwaName() {
        return jwaName;
    }

    /** Symmetric keys verify what they sign: they are never published. */
    public boolean isSymmetric() {
        return symmetric;
    }

    /** The algorithm of that exact JWA name (case matters, as in a JWS header). */
    public static Optional<SigningAlgorithm> fromJwaName(String name) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.jwaName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
