package dev.sociallogin.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.testfixtures.fake.FakeSigningKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyServicesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeSigningKeys keys = new FakeSigningKeys("https://auth.example.test");

    @Test
    void publishedKeys_answersTheKeyRingsCurrentKeysEachTime() {
        GetPublishedKeysService service = new GetPublishedKeysService(keys);
        assertThat(service.publishedKeys().keys()).isEmpty();
        PublishedKeys rotated = new PublishedKeys("https://auth.example.test", List.of(SigningAlgorithm.ES256), List.of(jwk("k2")));

        keys.publish(rotated);

        assertThat(service.publishedKeys()).isEqualTo(rotated);
    }

    @Test
    void rotateKeys_rotatesOnceAndReportsTheNewKeys() {
        KeyRotation created = new KeyRotation(new KeyId("k2"), TokenType.ACCESS, SigningAlgorithm.ES256, T0, T0.plusSeconds(900));
        keys.willRotate(List.of(created));

        List<KeyRotation> result = new RotateKeysService(keys).rotateKeys();

        assertThat(result).containsExactly(created);
        assertThat(keys.rotations()).isEqualTo(1);
    }

    private static PublishedKey jwk(String kid) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("kty", "EC");
        members.put("crv", "P-256");
        members.put("kid", kid);
        members.put("use", "sig");
        members.put("alg", "ES256");
        members.put("x", "x");
        members.put("y", "y");
        return new PublishedKey(new KeyId(kid), SigningAlgorithm.ES256, members);
    }
}
