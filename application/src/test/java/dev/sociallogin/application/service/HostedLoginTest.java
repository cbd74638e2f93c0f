package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.HostedAuthorizationCommand;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.application.port.in.ProvidersQuery;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.port.out.HostedAuthorization;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic capabilities of a provider: loopback-only existence and a hosted authorize step. */
class HostedLoginTest {

    private static final ProviderName LOCAL = new ProviderName("local");

    /** A loopback-only provider whose authorize page is a form and whose code is "name:state". */
    private static final class LocalProvider implements IdentityProvider, HostedAuthorization {
        @Override
        public ProviderName name() {
            return LOCAL;
        }

        @Override
        public URI authorizationUrl(LoginFlow flow) {
            throw new AssertionError("a hosted provider is never asked for a URL");
        }

        @Override
        public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
            String[] parts = code.split(":");
            if (flow == null || !flow.stateMatches(parts[1])) {
                throw new DomainException(ErrorCode.PROVIDER_REJECTED, "code of another flow");
            }
            return new ProviderProfile(new SocialIdentity(LOCAL, parts[0]), new Email("a@b.c"), true, Nickname.of(parts[0]));
        }

        @Override
        public ProviderProfile profileFromAccessToken(String accessToken) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "no tokens");
        }

        @Override
        public boolean loopbackOnly() {
            return true;
        }

        @Override
        public java.util.Optional<HostedAuthorization> hostedAuthorization() {
            return java.util.Optional.of(this);
        }

        @Override
        public String page(LoginFlow flow) {
            return "<form>" + flow.state() + "</form>";
        }

        @Override
        public String code(Map<String, String> fields, LoginFlow flow) {
            String name = fields.get("name");
            if (name == null || name.isBlank()) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "no name");
            }
            return name + ":" + flow.state();
        }
    }

    private final TestBed bed = new TestBed();
    private final IdentityProviders providers = new IdentityProviders(List.of(new LocalProvider(), new FakeIdentityProvider()));
    private final AuthorizationUrlService authorize = new AuthorizationUrlService(providers, bed.flows);
    private final HostedAuthorizationService hosted = new HostedAuthorizationService(providers, bed.flows);
    private final LogInWithProviderService login = new LogInWithProviderService(providers,
            new AuthCore(bed.users, bed.refreshTokens, bed.denylist, bed.codec, bed.policy, bed.clock, bed.outcomes), bed.flows);

    @Test
    void loopbackOnlyProvider_isListedForLoopbackClientsOnly() {
        ListProvidersService list = new ListProvidersService(providers);

        assertThat(list.enabledProviders(new ProvidersQuery(true))).extracting(ProviderName::value).containsExactly("kakao", "local");
        assertThat(list.enabledProviders(new ProvidersQuery(false))).extracting(ProviderName::value).containsExactly("kakao");
    }

    @Test
    void givenRemoteClient_loopbackOnlyProvider_isUnknownOnEveryStep() {
        assertFails(() -> authorize.authorizationUrl(new AuthorizationUrlQuery(LOCAL, false)), ErrorCode.UNKNOWN_PROVIDER);
        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, "s", "c", Map.of(), false)),
                ErrorCode.UNKNOWN_PROVIDER);
        assertFails(() -> login.logIn(new LogInCommand(LOCAL, new ProviderCredential.AuthorizationCode("ann:x", null), false)),
                ErrorCode.UNKNOWN_PROVIDER);
        assertThat(bed.outcomes.reports()).isEmpty();
    }

    @Test
    void hostedProvider_authorizeAnswersItsPage_formGivesCode_callbackLogsIn() {
        AuthorizationRedirect redirect = authorize.authorizationUrl(new AuthorizationUrlQuery(LOCAL, true));
        LoginFlow flow = bed.flowCodec.decode(redirect.flowCookie());
        assertThat(redirect.location()).isNull();
        assertThat(redirect.hostedPage()).contains("<form>" + flow.state() + "</form>");

        String code = hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, flow.state(), redirect.flowCookie(),
                Map.of("name", "ann"), true));
        LoginResult result = login.logIn(new LogInCommand(LOCAL,
                new ProviderCredential.BrowserCallback(code, flow.state(), redirect.flowCookie()), true));

        assertThat(result.user().username().value()).isEqualTo("local_ann");
        assertThat(result.registered()).isTrue();
    }

    @Test
    void hostedForm_isRefusedWithAnotherStateOrAUsedFlow_andByTheProvider() {
        AuthorizationRedirect redirect = authorize.authorizationUrl(new AuthorizationUrlQuery(LOCAL, true));
        LoginFlow flow = bed.flowCodec.decode(redirect.flowCookie());
        String other = bed.flowCodec.decode(authorize.authorizationUrl(new AuthorizationUrlQuery(LOCAL, true)).flowCookie()).state();

        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, other, redirect.flowCookie(),
                Map.of("name", "ann"), true)), ErrorCode.INVALID_STATE);
        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, flow.state(), null,
                Map.of("name", "ann"), true)), ErrorCode.INVALID_STATE);
        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, flow.state(), redirect.flowCookie(),
                Map.of(), true)), ErrorCode.INVALID_REQUEST);

        String code = hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, flow.state(), redirect.flowCookie(),
                Map.of("name", "ann"), true));
        login.logIn(new LogInCommand(LOCAL, new ProviderCredential.BrowserCallback(code, flow.state(), redirect.flowCookie()), true));
        // the callback used the flow up: its form cannot be submitted again
        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(LOCAL, flow.state(), redirect.flowCookie(),
                Map.of("name", "ann"), true)), ErrorCode.INVALID_STATE);
    }

    @Test
    void providerWithoutHostedStep_refusesAForm() {
        assertFails(() -> hosted.authorizationCode(new HostedAuthorizationCommand(ProviderName.KAKAO, "s", "c", Map.of(), true)),
                ErrorCode.INVALID_REQUEST);
    }
}
