package dev.sociallogin.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key of the key ring as it is stored: which tokens it signs ({@code use}), with which
 * algorithm, its encoded private and public parts, and the times its state follows from.
 *
 * <p>The encodings belong to the token adapter (PKCS#8 and X.509 for asymmetric keys; the raw secret
 * and no public part for HMAC keys); the core only carries them between store and adapter. The
 * private part never appears in {@link #toString()}, and both byte arrays are copied in and out.
 *
 * @param generation  1 for the first key of its use, one more for each next key: a second instance
 *                    creating "the same" next key collides on it in the store, so only one wins
 * @param createdAt   when it was created (published from then on), whole seconds
 * @param activatesAt when it starts signing, whole seconds, not before {@code createdAt}
 */
public record SigningKey(
        KeyId kid,
        TokenType use,
        SigningAlgorithm algorithm,
        long generation,
        byte[] privateKey,
        byte[] publicKey,
        Instant createdAt,
        Instant activatesAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1");
        }
        if (privateKey.length == 0) {
            throw new IllegalArgumentException("a signing key needs its private part");
        }
        if (algorithm.isSymmetric() != (publicKey.length == 0)) {
            throw new IllegalArgumentException("asymmetric keys have a public part, symmetric keys none");
        }
        if (!createdAt.equals(createdAt.truncatedTo(ChronoUnit.SECONDS)) || !activatesAt.equals(activatesAt.truncatedTo(ChronoUnit.SECONDS))) {
            throw new IllegalArgumentException("key times must be whole seconds");
        }
        if (activatesAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a key cannot activate before it exists");
        }
        privateKey = privateKey.clone();
        publicKey = publicKey.clone();
    }

    /** A copy of the encoded private part: the caller wipes it when done. */
    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** A copy of the encoded public part; empty for symmetric keys. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that
                && kid.equals(that.kid) && use == that.use && algorithm == that.algorithm && generation == that.generation
                && Arrays.equals(privateKey, that.privateKey) && Arrays.equals(publicKey, that.publicKey)
                && createdAt.equals(that.createdAt) && activatesAt.equals(that.activatesAt);
    }

    @Override
    public int hashCode() {
        // the kid is random and unique; hashing key material would only spread it further
        return kid.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", use=" + use.claim() + ", algorithm=" + algorithm.jwaName() + ", generation="
                + generation + ", createdAt=" + createdAt + ", activatesAt=" + activatesAt + "]";
    }
}
