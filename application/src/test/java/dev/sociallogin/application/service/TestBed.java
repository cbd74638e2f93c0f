package dev.sociallogin.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.testfixtures.builder.TestIds;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import dev.sociallogin.testfixtures.fake.FakeLoginFlowCodec;
import dev.sociallogin.testfixtures.fake.FakeTokenCodec;
import dev.sociallogin.testfixtures.fake.InMemoryAccessTokenDenylist;
import dev.sociallogin.testfixtures.fake.InMemoryRefreshTokenStore;
import dev.sociallogin.testfixtures.fake.InMemoryUserRepository;
import dev.sociallogin.testfixtures.fake.MutableClock;
import dev.sociallogin.testfixtures.fake.RecordingAuthOutcomes;
import dev.sociallogin.testfixtures.fake.StorageOutage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Every service wired to the in-memory fakes, one shared storage outage switch and a mutable clock. */
final class TestBed {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    final TokenPolicy policy;
    final MutableClock clock = MutableClock.at(START);
    final StorageOutage outage = new StorageOutage();
    final InMemoryUserRepository users = new InMemoryUserRepository(outage);
    final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore(outage);
    final InMemoryAccessTokenDenylist denylist = new InMemoryAccessTokenDenylist(outage);
    final FakeIdentityProvider kakao = new FakeIdentityProvider();
    final IdentityProviders providers = new IdentityProviders(List.of(kakao));
    final FakeTokenCodec codec;
    final FakeLoginFlowCodec flowCodec = new FakeLoginFlowCodec();
    final LoginFlows flows;
    final RecordingAuthOutcomes outcomes = new RecordingAuthOutcomes();

    final AuthorizationUrlService authorize;
    final LogInWithProviderService login;
    final RefreshTokensService refresh;
    final LogoutService logout;
    final GetCurrentUserService currentUser;
    final VerifyTokenService verify;

    TestBed() {
        this(TokenPolicy.DEFAULTS);
    }

    TestBed(TokenPolicy policy) {
        this.policy = policy;
        this.codec = new FakeTokenCodec(clock, policy);
        AuthCore core = new AuthCore(users, refreshTokens, denylist, codec, policy, clock, outcomes);
        this.flows = new LoginFlows(flowCodec, clock);
        this.authorize = new AuthorizationUrlService(providers, flows);
        this.login = new LogInWithProviderService(providers, core, flows);
        this.refresh = new RefreshTokensService(core);
        this.logout = new LogoutService(core);
        this.currentUser = new GetCurrentUserService(core, refresh);
        this.verify = new VerifyTokenService(core);
    }

    static TestBed withGrace(Duration grace) {
        TokenPolicy d = TokenPolicy.DEFAULTS;
        return new TestBed(new TokenPolicy(d.accessTtl(), d.refreshTtl(), grace, d.sessionMaxLifetime()));
    }

    /** Scripts a fresh Kakao code for {@code profile}; returns the code. */
    String codeFor(ProviderProfile profile) {
        String code = TestIds.randomText("code-");
        kakao.givenCode(code, profile);
        return code;
    }

    LogInCommand loginCommand(ProviderProfile profile) {
        return new LogInCommand(ProviderName.KAKAO, new ProviderCredential.AuthorizationCode(codeFor(profile), null));
    }

    /** Logs a new Kakao user in. */
    LoginResult logIn() {
        return logIn(TestProfiles.aKakaoProfile());
    }

    LoginResult logIn(ProviderProfile profile) {
        return login.logIn(loginCommand(profile));
    }

    /** Asserts {@code call} fails with a {@link DomainException} of {@code code}. */
    static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
