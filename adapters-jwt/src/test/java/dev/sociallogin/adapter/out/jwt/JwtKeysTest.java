package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtKeysTest {

    private static final byte[] THIRTY_TWO = sequence(32);

    @Test
    void givenStandardBase64OfThirtyTwoBytes_fromSecret_usesTheDecodedBytes() {
        String secret = Base64.getEncoder().encodeToString(THIRTY_TWO);

        assertThat(JwtKeys.fromSecret(secret).getEncoded()).isEqualTo(THIRTY_TWO);
        assertThat(JwtKeys.fromSecret(secret).getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @Test
    void givenUrlSafeBase64WithOrWithoutPadding_fromSecret_usesTheDecodedBytes() {
        byte[] raw = sequence(40); // contains bytes that encode to '-' and '_'
        String padded = Base64.getUrlEncoder().encodeToString(raw);
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(padded).containsAnyOf("-", "_").endsWith("=");

        assertThat(JwtKeys.fromSecret(padded).getEncoded()).isEqualTo(raw);
        assertThat(JwtKeys.fromSecret(unpadded).getEncoded()).isEqualTo(raw);
    }

    @Test
    void givenPassphraseThatIsNotBase64_fromSecret_usesItsUtf8Bytes() {
        String passphrase = "correct horse battery staple, twice!";

        assertThat(JwtKeys.fromSecret(passphrase).getEncoded()).isEqualTo(passphrase.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenBase64DecodingToFewerThanThirtyTwoBytes_fromSecret_fallsBackToUtf8Bytes() {
        String secret = "abcdefghijklmnopqrstuvwxyzABCDEF0123"; // valid Base64 of 27 bytes, 36 characters

        assertThat(JwtKeys.fromSecret(secret).getEncoded()).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenNonCanonicalBase64_fromSecret_isNotReadAsBase64() {
        // 32 bytes: 43 characters and one '='; the last character carries 2 unused bits, zero here
        String canonical = Base64.getEncoder().encodeToString(sequence(32));
        char last = canonical.charAt(canonical.length() - 2);
        String nonCanonical = canonical.substring(0, canonical.length() - 2) + (char) (last + 1) + "=";
        assertThat(Base64.getDecoder().decode(nonCanonical)).as("the JDK ignores the unused bits").isEqualTo(sequence(32));

        assertThat(JwtKeys.strictBase64(canonical)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(sequence(32)));
        assertThat(JwtKeys.strictBase64(nonCanonical)).isEmpty();
        assertThat(JwtKeys.fromSecret(nonCanonical).getEncoded()).isEqualTo(nonCanonical.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUJD+_0=", "QUJD=", "QUJD===", "QQ=", "Q", "QUJD QUJD", "QUJD\nQUJD", "QU=JD"})
    void givenMalformedBase64_strictBase64_refusesIt(String text) {
        assertThat(JwtKeys.strictBase64(text)).isEmpty();
    }

    @Test
    void givenHexSecret_fromSecret_readsItAsBase64() {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        assertThat(JwtKeys.fromSecret(hex).getEncoded()).hasSize(48);
    }

    @Test
    void givenThirtyOneBytes_fromBytes_refusesIt() {
        Throwable thrown = catchThrowable(() -> JwtKeys.fromBytes(sequence(31)));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenThirtyOneByteSecrets_fromSecret_refusesThemWithoutNamingThem() {
        String base64Of31 = Base64.getEncoder().encodeToString(sequence(31));
        String text31 = "a-thirty-one-character-secret!!";
        assertThat(text31).hasSize(31);

        Throwable thrown = catchThrowable(() -> JwtKeys.fromSecret(text31));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain(text31).doesNotContain("thirty");
        // Base64 of 31 bytes is 44 characters: too weak as Base64, so its text is the key
        assertThat(JwtKeys.fromSecret(base64Of31).getEncoded()).isEqualTo(base64Of31.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" a-long-enough-secret-with-leading-space", "a-long-enough-secret-with-trailing-newline\n",
            "a-long-enough-secret\twith-a-tab-inside!!"})
    void givenMissingOrWhitespaceJunk_fromSecret_refusesIt(String secret) {
        Throwable thrown = catchThrowable(() -> JwtKeys.fromSecret(secret));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        if (secret != null && !secret.isEmpty()) {
            assertThat(thrown.getMessage()).doesNotContain(secret.strip());
        }
    }

    private static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 37 + 251);
        }
        return bytes;
    }
}
