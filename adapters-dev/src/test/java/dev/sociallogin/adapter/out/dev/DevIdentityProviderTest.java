package dev.sociallogin.adapter.out.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DevIdentityProviderTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    private final DevIdentityProvider provider = new DevIdentityProvider(clock);
    private final LoginFlow flow = LoginFlow.begin(DevIdentityProvider.DEV, clock.instant().plus(Duration.ofMinutes(10)));

    private static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private String code(Map<String, String> fields) {
        return provider.code(fields, flow);
    }

    @Test
    void form_becomesACode_whoseProfileIsTheTypedIdentity_usernameDevName() {
        ProviderProfile profile = provider.profileFromCode(code(Map.of("name", "ann", "nickname", "Ann 안녕", "email", "ann@example.test")),
                null, flow);

        assertThat(profile.identity().provider().value()).isEqualTo("dev");
        assertThat(profile.identity().subject()).isEqualTo("ann");
        assertThat(profile.identity().username().value()).isEqualTo("dev_ann");
        assertThat(profile.nickname().value()).isEqualTo("Ann 안녕");
        assertThat(profile.verifiedEmail()).hasValueSatisfying(email -> assertThat(email.value()).isEqualTo("ann@example.test"));
    }

    @Test
    void nicknameDefaultsToTheName_andNoEmailIsNone() {
        ProviderProfile profile = provider.profileFromCode(code(Map.of("name", "bob", "nickname", " ", "email", "")), null, flow);

        assertThat(profile.nickname().value()).isEqualTo("bob");
        assertThat(profile.email()).isNull();
        assertThat(profile.verifiedEmail()).isEmpty();
    }

    @Test
    void unusableForm_isInvalidRequest() {
        assertFails(() -> code(Map.of()), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "")), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "a b")), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "<script>")), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "x".repeat(33))), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "ann", "nickname", "n".repeat(65))), ErrorCode.INVALID_REQUEST);
        assertFails(() -> code(Map.of("name", "ann", "email", "not-an-address")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void code_isSingleUse() {
        String code = code(Map.of("name", "ann"));
        provider.profileFromCode(code, null, flow);

        assertFails(() -> provider.profileFromCode(code, null, flow), ErrorCode.PROVIDER_REJECTED);
    }

    @Test
    void code_expiresAfterTwoMinutes() {
        String code = code(Map.of("name", "ann"));
        String fresh = code(Map.of("name", "ann"));
        clock.advance(DevCodes.LIFETIME.minusSeconds(1));
        provider.profileFromCode(fresh, null, flow);
        clock.advance(Duration.ofSeconds(1));

        assertFails(() -> provider.profileFromCode(code, null, flow), ErrorCode.PROVIDER_REJECTED);
    }

    @Test
    void tamperedCode_isRejected_inPayloadOrSeal() {
        String code = code(Map.of("name", "ann"));
        int dot = code.indexOf('.');
        // another identity sealed with another key, its payload spliced onto this seal
        String forged = new DevIdentityProvider(clock).code(Map.of("name", "admin"), flow);

        assertFails(() -> provider.profileFromCode(forged, null, flow), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode(forged.substring(0, forged.indexOf('.')) + code.substring(dot), null, flow),
                ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode(flip(code, 3), null, flow), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode(flip(code, code.length() - 2), null, flow), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode("garbage", null, flow), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode("a.b.c", null, flow), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode(".", null, flow), ErrorCode.PROVIDER_REJECTED);
        // the untouched code still works: the refusals above did not use it up
        assertThat(provider.profileFromCode(code, null, flow).identity().subject()).isEqualTo("ann");
    }

    @Test
    void code_isBoundToItsFlow() {
        String code = code(Map.of("name", "ann"));
        LoginFlow other = LoginFlow.begin(DevIdentityProvider.DEV, clock.instant().plus(Duration.ofMinutes(10)));

        assertFails(() -> provider.profileFromCode(code, null, other), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromCode(code, null, null), ErrorCode.PROVIDER_REJECTED);
        assertFails(() -> provider.profileFromAccessToken("anything"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void page_isAFormCarryingTheState_withoutScriptOrInlineStyle_andEscapes() {
        String page = provider.page(flow);

        assertThat(page).contains("<form method=\"post\" action=\"/auth/dev/authorize\"",
                "<input type=\"hidden\" name=\"state\" value=\"" + flow.state() + "\">", "name=\"name\"", "name=\"nickname\"",
                "name=\"email\"");
        assertThat(page).doesNotContain("<script", "style=", "<style", "javascript:");
        assertThat(page).doesNotContainPattern("\\son[a-z]+=");
        assertThat(DevLoginPage.render("\"><script>alert('x')</script>&"))
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\"")
                .doesNotContain("<script");
    }

    @Test
    void capabilities_loopbackOnlyAndHosted() {
        assertThat(provider.name().value()).isEqualTo("dev");
        assertThat(provider.loopbackOnly()).isTrue();
        assertThat(provider.hostedAuthorization()).containsSame(provider);
    }

    @Test
    void settings_offByDefault_onWithTrue_anythingElseRefusedNamingTheVariable() {
        assertThat(DevSettings.from(name -> null).enabled()).isFalse();
        assertThat(DevSettings.from(Map.of("AUTH_DEV_LOGIN", "true")::get).enabled()).isTrue();
        assertThat(DevSettings.from(Map.of("AUTH_DEV_LOGIN", "false")::get).enabled()).isFalse();
        assertThatThrownBy(() -> DevSettings.from(Map.of("AUTH_DEV_LOGIN", "yes please")::get))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("AUTH_DEV_LOGIN");
                    assertThat(e.getMessage()).doesNotContain("yes please");
                });
    }

    @Test
    void factory_foundByServiceLoader_enablesTheProviderOnlyWithTheVariable_andWarnsEveryTime() {
        Logger logger = (Logger) LoggerFactory.getLogger(DevIdentityProviderFactory.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            DevIdentityProviderFactory factory = ServiceLoader.load(dev.sociallogin.domain.port.out.IdentityProviderFactory.class)
                    .stream().map(ServiceLoader.Provider::get).filter(DevIdentityProviderFactory.class::isInstance)
                    .map(DevIdentityProviderFactory.class::cast).findFirst().orElseThrow();

            assertThat(factory.create(name -> null, clock)).isEmpty();
            assertThat(logs.list).isEmpty();
            List<IdentityProvider> enabled = factory.create(Map.of("AUTH_DEV_LOGIN", "true")::get, clock);
            assertThat(enabled).hasSize(1).first().isInstanceOf(DevIdentityProvider.class);
            assertThat(logs.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("AUTH_DEV_LOGIN=true", "never enable it in production");
            });
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static String flip(String text, int at) {
        char c = text.charAt(at);
        return text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
    }
}
