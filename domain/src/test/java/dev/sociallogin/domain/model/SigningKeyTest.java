package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final byte[] SECRET = {11, 22, 33, 44};

    @Test
    void toString_neverShowsKeyMaterial() {
        SigningKey key = new SigningKey(new KeyId("kid-1"), TokenType.REFRESH, SigningAlgorithm.HS256, 1, SECRET, new byte[0], T0, T0);

        assertThat(key.toString()).contains("kid-1", "refresh", "HS256")
                .doesNotContain(java.util.Arrays.toString(SECRET), java.util.Base64.getEncoder().encodeToString(SECRET), "[B");
    }

    @Test
    void materialIsCopiedInAndOut() {
        byte[] given = SECRET.clone();
        SigningKey key = new SigningKey(new KeyId("kid-1"), TokenType.REFRESH, SigningAlgorithm.HS256, 1, given, new byte[0], T0, T0);
        given[0] = 0;
        key.privateKey()[1] = 0;

        assertThat(key.privateKey()).isEqualTo(SECRET);
        assertThat(key).isEqualTo(new SigningKey(new KeyId("kid-1"), TokenType.REFRESH, SigningAlgorithm.HS256, 1, SECRET, new byte[0], T0, T0));
    }

    @Test
    void givenInconsistentKey_constructor_refuses() {
        KeyId kid = new KeyId("k");
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.ACCESS, SigningAlgorithm.ES256, 1, SECRET, new byte[0], T0, T0))
                .as("asymmetric without public part").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.REFRESH, SigningAlgorithm.HS256, 1, SECRET, SECRET, T0, T0))
                .as("HMAC with a public part").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.REFRESH, SigningAlgorithm.HS256, 0, SECRET, new byte[0], T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.REFRESH, SigningAlgorithm.HS256, 1, SECRET, new byte[0], T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.REFRESH, SigningAlgorithm.HS256, 1, SECRET, new byte[0], T0.plusMillis(1), T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(kid, TokenType.REFRESH, SigningAlgorithm.HS256, 1, new byte[0], new byte[0], T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenKidOutsideBase64UrlAlphabet_keyId_refuses() {
        assertThatThrownBy(() -> new KeyId("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyId("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyId("k".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeyId("Az09-_").value()).isEqualTo("Az09-_");
    }

    @Test
    void givenPrivateMemberOrSymmetricKey_publishedKey_refuses() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("kid", "k");
        jwk.put("alg", "ES256");
        assertThat(new PublishedKey(new KeyId("k"), SigningAlgorithm.ES256, jwk).jwk()).containsKeys("kty", "kid", "alg");

        jwk.put("d", "private");
        assertThatThrownBy(() -> new PublishedKey(new KeyId("k"), SigningAlgorithm.ES256, jwk)).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> hmac = Map.of("kty", "oct", "kid", "k", "alg", "HS256");
        assertThatThrownBy(() -> new PublishedKey(new KeyId("k"), SigningAlgorithm.HS256, hmac)).isInstanceOf(IllegalArgumentException.class);
    }
}
