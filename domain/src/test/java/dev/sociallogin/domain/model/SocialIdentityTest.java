package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SocialIdentityTest {

    @Test
    void givenKakaoSubject_username_isProviderUnderscoreSubject() {
        assertThat(new SocialIdentity(ProviderName.KAKAO, "4242").username()).isEqualTo(new Username("kakao_4242"));
    }

    @Test
    void givenIdAbove2To53_username_keepsEveryDigit() {
        assertThat(new SocialIdentity(ProviderName.KAKAO, "1376016924429759243").username().value())
                .isEqualTo("kakao_1376016924429759243");
    }

    @Test
    void givenSubjectWithSpacesControlsOrBlankOrOver255_constructor_refuses() {
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "é")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnyOidcSubjectUpTo255VisibleAscii_constructor_accepts() {
        assertThat(new SocialIdentity(new ProviderName("acme"), "auth0|5f1c2d").subject()).isEqualTo("auth0|5f1c2d");
        assertThat(new SocialIdentity(new ProviderName("acme"), "x".repeat(255)).subject()).hasSize(255);
    }

    @Test
    void givenUsernameWithin64_username_isProviderUnderscoreSubject() {
        String subject = "s".repeat(64 - "acme_".length());

        assertThat(new SocialIdentity(new ProviderName("acme"), subject).username().value()).isEqualTo("acme_" + subject);
    }

    @Test
    void givenUsernameOver64_username_isProviderUnderscoreAStableDigestThatFits() {
        ProviderName longest = new ProviderName("p".repeat(20));
        String subject = "s".repeat(255);

        Username first = new SocialIdentity(longest, subject).username();
        Username again = new SocialIdentity(longest, subject).username();
        Username other = new SocialIdentity(longest, subject.substring(1) + "t").username();

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        assertThat(first.value()).startsWith(longest.value() + "_").hasSize(64).matches("p{20}_[A-Za-z0-9_-]{43}");
        // SHA-256("s" * 255) in base64url: the digest is a documented, reproducible function of the subject
        assertThat(new SocialIdentity(new ProviderName("acme"), "s".repeat(60)).username().value())
                .isEqualTo("acme_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("s".repeat(60))));
    }

    @Test
    void providerName_parse_isLenientOnCaseAndRefusesOtherShapes() {
        assertThat(ProviderName.parse("Kakao")).contains(ProviderName.KAKAO);
        assertThat(ProviderName.parse("k")).contains(new ProviderName("k"));
        assertThat(ProviderName.parse("../etc")).isEmpty();
        assertThat(ProviderName.parse(null)).isEmpty();
        assertThat(ProviderName.parse("")).isEmpty();
        assertThat(ProviderName.parse("1k")).isEmpty();
        assertThat(ProviderName.parse("a".repeat(21))).isEmpty();
        assertThat(ProviderName.parse("a".repeat(20))).isPresent();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
