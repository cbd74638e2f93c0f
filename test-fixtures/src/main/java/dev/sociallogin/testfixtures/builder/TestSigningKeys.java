package dev.sociallogin.testfixtures.builder;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenType;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signing keys for store tests: random kids and random bytes standing in for the material (a store
 * keeps the bytes as given; only the token adapter decodes them). Sizes are those of real keys.
 */
public final class TestSigningKeys {

    /** An RSA-2048 private key in PKCS#8 is about 1,220 bytes; 4,096-bit ones about 2,400. */
    public static final int LARGE_PRIVATE_KEY_BYTES = 2400;

    private TestSigningKeys() {
    }

    public static KeyId randomKid() {
        return new KeyId(UUID.randomUUID().toString().replace("-", ""));
    }

    /** An ES256-sized access key (67-byte PKCS#8 private part, 91-byte X.509 public part). */
    public static SigningKey anAccessKey(long generation, Instant createdAt, Instant activatesAt) {
        return new SigningKey(randomKid(), TokenType.ACCESS, SigningAlgorithm.ES256, generation, bytes(67), bytes(91), createdAt,
                activatesAt);
    }

    /** An RSA-4096-sized access key: the largest material a store must keep. */
    public static SigningKey aLargeAccessKey(long generation, Instant createdAt, Instant activatesAt) {
        return new SigningKey(randomKid(), TokenType.ACCESS, SigningAlgorithm.RS256, generation, bytes(LARGE_PRIVATE_KEY_BYTES),
                bytes(550), createdAt, activatesAt);
    }

    /** An HMAC refresh key: 32 secret bytes, no public part. */
    public static SigningKey aRefreshKey(long generation, Instant createdAt, Instant activatesAt) {
        return new SigningKey(randomKid(), TokenType.REFRESH, SigningAlgorithm.HS256, generation, bytes(32), new byte[0], createdAt,
                activatesAt);
    }

    /** A key of {@code use} of that generation, created and activated at {@code at}. */
    public static SigningKey aKey(TokenType use, long generation, Instant at) {
        return use == TokenType.ACCESS ? anAccessKey(generation, at, at) : aRefreshKey(generation, at, at);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
