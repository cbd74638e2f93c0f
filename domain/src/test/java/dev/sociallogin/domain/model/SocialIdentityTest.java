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
    void givenSubjectWithSeparatorsOrBlank_constructor_refuses() {
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocialIdentity(ProviderName.KAKAO, "x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerName_parse_isLenientOnCaseAndRefusesOtherShapes() {
        assertThat(ProviderName.parse("Kakao")).contains(ProviderName.KAKAO);
        assertThat(ProviderName.parse("../etc")).isEmpty();
        assertThat(ProviderName.parse(null)).isEmpty();
        assertThat(ProviderName.parse("k")).isEmpty();
    }
}
