package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AesGcmLoginFlowCodecTest {

    private static final String SECRET = "flow-codec-test-secret-0123456789abcdef";
    private static final Instant EXPIRES = Instant.parse("2026-11-27T10:10:00Z");

    private final AesGcmLoginFlowCodec codec = codec(SECRET);
    private final LoginFlow flow = LoginFlow.begin(new ProviderName("acme"), EXPIRES);

    private static AesGcmLoginFlowCodec codec(String secret) {
        return new AesGcmLoginFlowCodec(new SecretKeys(JwtKeys.fromSecret(secret), "social-login"), Clock.systemUTC());
    }

    /** The sealed bytes of a cookie {@code f1.<kid>.<base64url>}. */
    private static String payload(String encoded) {
        return encoded.substring(encoded.lastIndexOf('.') + 1);
    }

    private static String prefix(String encoded) {
        return encoded.substring(0, encoded.lastIndexOf('.') + 1);
    }

    private static void assertInvalidState(String encoded, AesGcmLoginFlowCodec codec) {
        assertThatThrownBy(() -> codec.decode(encoded)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(e.getCause()).isNull();
        });
    }

    @Test
    void givenEncodedFlow_decode_answersTheSameFlow() {
        String encoded = codec.encode(flow);

        assertThat(codec.decode(encoded)).isEqualTo(flow);
        assertThat(encoded).matches("f1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(400);
    }

    @Test
    void encode_isOpaque_neitherStateNorVerifierNorNonceReadableAndFreshIvEachTime() {
        String encoded = codec.encode(flow);
        String decodedBytes = new String(Base64.getUrlDecoder().decode(payload(encoded)), java.nio.charset.StandardCharsets.ISO_8859_1);

        for (String secret : new String[] {flow.state(), flow.codeVerifier(), flow.nonce(), "acme"}) {
            assertThat(encoded).doesNotContain(secret);
            assertThat(decodedBytes).doesNotContain(secret);
        }
        assertThat(codec.encode(flow)).isNotEqualTo(encoded);
    }

    @Test
    void givenAnyFlippedBitOrCut_decode_isInvalidState() {
        String encoded = codec.encode(flow);
        byte[] raw = Base64.getUrlDecoder().decode(payload(encoded));
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < raw.length; i++) {
            byte[] flipped = raw.clone();
            flipped[i] ^= 0x01;
            String tampered = prefix(encoded) + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
            tried.add(tampered);
            assertInvalidState(tampered, codec);
        }
        assertThat(tried).hasSize(raw.length);
        assertInvalidState(encoded.substring(0, encoded.length() - 1), codec);
        assertInvalidState(encoded + "A", codec);
        assertInvalidState("f2" + encoded.substring(2), codec);
        assertInvalidState("f1.hs-someotherkid." + payload(encoded), codec);
    }

    @Test
    void givenGarbage_decode_isInvalidState() {
        for (String garbage : new String[] {null, "", "f1.", "f1.AAAA", "abc", "f1." + "A".repeat(2000), "f1.!!!!" + "A".repeat(60),
                "f1." + "A".repeat(61)}) {
            assertInvalidState(garbage, codec);
        }
    }

    @Test
    void givenCookieSealedWithAnotherKey_decode_isInvalidState() {
        assertInvalidState(codec("another-secret-0123456789abcdef-xyz").encode(flow), codec);
    }

    @Test
    void givenTheSameKeyOnAnotherInstance_decode_readsIt() {
        assertThat(codec(SECRET).decode(codec.encode(flow))).isEqualTo(flow);
    }
}
