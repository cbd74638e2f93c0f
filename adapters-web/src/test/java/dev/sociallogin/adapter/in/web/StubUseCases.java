package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.IssuedToken;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPair;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.testfixtures.fake.MutableClock;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scriptable use cases for the adapter's own behaviour (mapping, cookies, filters): each answers
 * what the test scripts and records the command it received. The whole flow against the real
 * services lives in {@link WebFlowIT}.
 */
final class StubUseCases {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Duration ACCESS_TTL = Duration.ofHours(5);
    static final Duration REFRESH_TTL = Duration.ofDays(7);
    static final User USER = new User(new UserId(1), new Username("kakao_4242"), new Email("a@b.c"), Nickname.of("Tester"),
            User.INITIAL_PROPERTY, Instant.parse("2026-11-27T09:30:00Z"), Instant.parse("2026-11-27T09:00:00Z"), true, null);

    final MutableClock clock = MutableClock.at(NOW);
    final List<Object> commands = new CopyOnWriteArrayList<>();

    volatile LogInWithProviderUseCase logIn;
    volatile AuthorizationUrlUseCase authorizationUrl;
    volatile ListProvidersUseCase listProviders;
    volatile RefreshTokensUseCase refresh;
    volatile LogoutUseCase logout;
    volatile GetCurrentUserUseCase currentUser;
    volatile VerifyTokenUseCase verify;
    volatile CheckHealthUseCase health;
    volatile HostedAuthorizationUseCase hosted;

    StubUseCases() {
        reset();
    }

    /** Back to the defaults: every use case succeeds, the clock at {@link #NOW}, nothing recorded. */
    void reset() {
        clock.set(NOW);
        commands.clear();
        logIn = command -> new LoginResult(USER, false, pair("a"));
        authorizationUrl = query -> new AuthorizationRedirect(URI.create("https://idp.example.test/authorize?state=stub-state"),
                "sealed-flow-" + commands.size(), Duration.ofMinutes(10));
        listProviders = query -> List.of(ProviderName.KAKAO);
        refresh = command -> new RefreshResult(USER, pair("r"));
        logout = command -> { };
        currentUser = query -> new CurrentUser(USER, null);
        verify = command -> pair("v").access().claims();
        health = () -> true;
        hosted = command -> "stub-code";
    }

    WebUseCases useCases() {
        return new WebUseCases(
                command -> logIn.logIn(record(command)),
                query -> authorizationUrl.authorizationUrl(record(query)),
                query -> listProviders.enabledProviders(record(query)),
                command -> refresh.refresh(record(command)),
                command -> logout.logout(record(command)),
                query -> currentUser.currentUser(record(query)),
                command -> verify.verify(record(command)),
                () -> health.isHealthy(),
                command -> hosted.authorizationCode(record(command)),
                clock);
    }

    private <T> T record(T command) {
        commands.add(command);
        return command;
    }

    @SuppressWarnings("unchecked")
    <T> T last(Class<T> type) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (type.isInstance(commands.get(i))) {
                return (T) commands.get(i);
            }
        }
        return null;
    }

    /** A pair issued at the clock's now: access for 5 h, refresh for 7 d; values carry {@code tag}. */
    TokenPair pair(String tag) {
        Instant now = clock.instant();
        TokenClaims access = TokenClaims.access(TokenId.random(), USER.id(), USER.username(), now, now.plus(ACCESS_TTL));
        TokenClaims refresh = TokenClaims.refresh(TokenId.random(), USER.id(), USER.username(), now, now.plus(REFRESH_TTL),
                FamilyId.random());
        return new TokenPair(new IssuedToken("access-" + tag + "-" + access.id(), access),
                new IssuedToken("refresh-" + tag + "-" + refresh.id(), refresh));
    }

    static DomainException failure(ErrorCode code) {
        return new DomainException(code, "SECRET-DETAIL-" + code);
    }
}
