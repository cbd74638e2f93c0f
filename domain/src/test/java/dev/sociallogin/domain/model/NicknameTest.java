package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NicknameTest {

    @Test
    void givenLongKoreanAndEmoji_of_cutsTo32WholeCodePoints() {
        // 31 Hangul syllables then emoji: the 32nd code point is the emoji, kept whole
        String raw = "가".repeat(31) + "🐯🐯🐯";
        Nickname nickname = Nickname.of(raw);
        assertThat(nickname.value().codePointCount(0, nickname.value().length())).isEqualTo(32);
        assertThat(nickname.value()).endsWith("🐯").startsWith("가");
        assertThat(Character.isHighSurrogate(nickname.value().charAt(nickname.value().length() - 1))).isFalse();
    }

    @Test
    void givenEmojiStraddlingTheCut_of_neverSplitsASurrogatePair() {
        String raw = "🐯".repeat(40);
        Nickname nickname = Nickname.of(raw);
        assertThat(nickname.value()).isEqualTo("🐯".repeat(32));
        assertThat(nickname.value().length()).isEqualTo(64);
    }

    @Test
    void givenBlankOrNull_of_givesTheNeutralDefault() {
        assertThat(Nickname.of(null).value()).isEqualTo(Nickname.DEFAULT);
        assertThat(Nickname.of("   ").value()).isEqualTo(Nickname.DEFAULT);
    }

    @Test
    void givenSurroundingWhitespace_of_stripsIt() {
        assertThat(Nickname.of("  김세훈🐯 ").value()).isEqualTo("김세훈🐯");
    }

    @Test
    void givenMoreThan32CodePoints_constructor_refuses() {
        assertThatThrownBy(() -> new Nickname("a".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }
}
