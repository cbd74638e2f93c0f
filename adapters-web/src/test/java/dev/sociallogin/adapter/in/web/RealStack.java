package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.service.AuthCore;
import dev.sociallogin.application.service.AuthorizationUrlService;
import dev.sociallogin.application.service.CheckHealthService;
import dev.sociallogin.application.service.GetCurrentUserService;
import dev.sociallogin.application.service.HostedAuthorizationService;
import dev.sociallogin.application.service.ListProvidersService;
import dev.sociallogin.application.service.LogInWithProviderService;
import dev.sociallogin.application.service.LoginFlows;
import dev.sociallogin.application.service.LogoutService;
import dev.sociallogin.application.service.RefreshTokensService;
import dev.sociallogin.application.service.VerifyTokenService;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.testfixtures.builder.TestIds;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import dev.sociallogin.testfixtures.fake.FakeLoginFlowCodec;
import dev.sociallogin.testfixtures.fake.FakeStorageHealth;
import dev.sociallogin.testfixtures.fake.FakeTokenCodec;
import dev.sociallogin.testfixtures.fake.InMemoryAccessTokenDenylist;
import dev.sociallogin.testfixtures.fake.InMemoryRefreshTokenStore;
import dev.sociallogin.testfixtures.fake.InMemoryUserRepository;
import dev.sociallogin.testfixtures.fake.MutableClock;
import dev.sociallogin.testfixtures.fake.RecordingAuthOutcomes;
import dev.sociallogin.testfixtures.fake.StorageOutage;

import java.time.Instant;
import java.util.List;

/**
 * The real application services wired on the in-memory fakes, as bootstrap wires them on the real
 * adapters: what the web adapter is driven against in {@link WebFlowIT}.
 */
final class RealStack {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    final TokenPolicy policy;
    final MutableClock clock = MutableClock.at(START);
    final StorageOutage outage = new StorageOutage();
    final InMemoryUserRepository users = new InMemoryUserRepository(outage);
    final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore(outage);
    final InMemoryAccessTokenDenylist denylist = new InMemoryAccessTokenDenylist(outage);
    final FakeStorageHealth health = new FakeStorageHealth(outage);
    final FakeIdentityProvider kakao = new FakeIdentityProvider();
    final FakeTokenCodec codec;
    final FakeLoginFlowCodec flowCodec = new FakeLoginFlowCodec();
    final RecordingAuthOutcomes outcomes = new RecordingAuthOutcomes();
    final WebUseCases useCases;

    RealStack(TokenPolicy policy) {
        this(policy, List.of());
    }

    /** With {@code more} providers enabled next to the fake Kakao. */
    RealStack(TokenPolicy policy, List<IdentityProvider> more) {
        this.policy = policy;
        this.codec = new FakeTokenCodec(clock, policy);
        List<IdentityProvider> all = new java.util.ArrayList<>(more);
        all.add(kakao);
        IdentityProviders providers = new IdentityProviders(all);
        AuthCore core = new AuthCore(users, refreshTokens, denylist, codec, policy, clock, outcomes);
        RefreshTokensService refresh = new RefreshTokensService(core);
        LoginFlows flows = new LoginFlows(flowCodec, clock);
        this.useCases = new WebUseCases(
                new LogInWithProviderService(providers, core, flows),
                new AuthorizationUrlService(providers, flows),
                new ListProvidersService(providers),
                refresh,
                new LogoutService(core),
                new GetCurrentUserService(core, refresh),
                new VerifyTokenService(core),
                new CheckHealthService(health),
                new HostedAuthorizationService(providers, flows),
                clock);
    }

    /** Scripts a fresh Kakao authorization code for {@code profile}; returns the code. */
    String codeFor(ProviderProfile profile) {
        String code = TestIds.randomText("code-");
        kakao.givenCode(code, profile);
        return code;
    }
}
