package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeLoginFlowCodecTest {

    private final FakeLoginFlowCodec codec = new FakeLoginFlowCodec();

    @Test
    void givenEncodedFlow_decode_answersIt() {
        LoginFlow flow = LoginFlow.begin(ProviderName.KAKAO, Instant.parse("2026-11-27T10:10:00Z"));

        String encoded = codec.encode(flow);

        assertThat(encoded).matches("[A-Za-z0-9._-]+");
        assertThat(codec.decode(encoded)).isEqualTo(flow);
    }

    @Test
    void givenAlteredOrUnknownValue_decode_isInvalidState() {
        String encoded = codec.encode(LoginFlow.begin(ProviderName.KAKAO, Instant.parse("2026-11-27T10:10:00Z")));

        for (String bad : new String[] {encoded + "x", encoded.substring(1), "", null}) {
            assertThatThrownBy(() -> codec.decode(bad)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
        }
    }
}
