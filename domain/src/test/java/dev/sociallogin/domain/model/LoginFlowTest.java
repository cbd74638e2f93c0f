package dev.sociallogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFlowTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-27T10:10:00Z");

    @Test
    void begin_drawsThreeDistinct256BitValuesPerFlow() {
        LoginFlow a = LoginFlow.begin(ProviderName.KAKAO, EXPIRES);
        LoginFlow b = LoginFlow.begin(ProviderName.KAKAO, EXPIRES);

        for (String value : new String[] {a.state(), a.codeVerifier(), a.nonce()}) {
            assertThat(value).matches("[A-Za-z0-9_-]{43}");
        }
        assertThat(a.state()).isNotEqualTo(a.codeVerifier()).isNotEqualTo(a.nonce()).isNotEqualTo(b.state());
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.codeVerifier()).isNotEqualTo(b.codeVerifier());
    }

    @Test
    void stateMatches_onlyTheExactState() {
        LoginFlow flow = LoginFlow.begin(ProviderName.KAKAO, EXPIRES);

        assertThat(flow.stateMatches(flow.state())).isTrue();
        assertThat(flow.stateMatches(flow.state() + "x")).isFalse();
        assertThat(flow.stateMatches(flow.state().substring(1))).isFalse();
        assertThat(flow.stateMatches("")).isFalse();
        assertThat(flow.stateMatches(null)).isFalse();
    }

    @Test
    void isExpiredAt_fromItsExpiryOn() {
        LoginFlow flow = LoginFlow.begin(ProviderName.KAKAO, EXPIRES);

        assertThat(flow.isExpiredAt(EXPIRES.minusMillis(1))).isFalse();
        assertThat(flow.isExpiredAt(EXPIRES)).isTrue();
    }

    @Test
    void givenShortOrForeignValues_constructor_refuses() {
        String ok = "a".repeat(43);
        assertThatThrownBy(() -> new LoginFlow(ProviderName.KAKAO, "a".repeat(42), ok, ok, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginFlow(ProviderName.KAKAO, ok, ok + "=", ok, EXPIRES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginFlow(ProviderName.KAKAO, ok, ok, null, EXPIRES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_hidesTheValues() {
        LoginFlow flow = LoginFlow.begin(ProviderName.KAKAO, EXPIRES);

        assertThat(flow.toString()).doesNotContain(flow.state(), flow.codeVerifier(), flow.nonce()).contains("kakao");
    }
}
