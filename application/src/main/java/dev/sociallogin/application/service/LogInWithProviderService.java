package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Logs in through a provider:
 * <ol>
 *   <li>the provider ({@code UNKNOWN_PROVIDER} when not enabled) turns the credential into a
 *       profile (its {@code PROVIDER_REJECTED} / {@code PROVIDER_UNAVAILABLE} propagate);</li>
 *   <li>the user of that identity, or a newly registered one; the repository's registration
 *       settles a race of first logins, so exactly one of them reports {@code registered};</li>
 *   <li>a disabled user gets {@code TOKEN_NOT_VALID}: a token for a disabled user would not be
 *       valid, so none is issued (the closed error set has no "disabled" code);</li>
 *   <li>lastLogin is recorded and returned; a new family starts now, its first refresh token
 *       living {@code min(refreshTtl, sessionMaxLifetime)}, with an access token of {@code accessTtl}.</li>
 * </ol>
 */
public final class LogInWithProviderService implements LogInWithProviderUseCase {

    private final IdentityProviders providers;
    private final UserRepository users;
    private final RefreshTokenStore refreshTokens;
    private final TokenIssuer issuer;
    private final Clock clock;

    public LogInWithProviderService(IdentityProviders providers, UserRepository users, RefreshTokenStore refreshTokens,
                                    TokenCodec codec, TokenPolicy policy, Clock clock) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.issuer = new TokenIssuer(codec, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LoginResult logIn(LogInCommand command) {
        IdentityProvider provider = providers.get(command.provider());
        ProviderProfile profile = profileOf(provider, command.credential());
        Instant now = TokenIssuer.now(clock);

        Registration registration = users.findByIdentity(profile.identity())
                .map(existing -> new Registration(existing, false))
                .orElseGet(() -> users.register(NewUser.from(profile, now)));
        if (!registration.user().active()) {
            throw new DomainException(ErrorCode.TOKEN_NOT_VALID, "user disabled");
        }
        users.recordLogin(registration.user().id(), now);
        User user = registration.user().withLastLogin(now);

        StoredRefreshToken first = issuer.firstOfNewFamily(user.id(), now);
        refreshTokens.saveNewFamily(first);
        return new LoginResult(user, registration.created(), issuer.pair(user, first, now));
    }

    private static ProviderProfile profileOf(IdentityProvider provider, ProviderCredential credential) {
        if (credential instanceof ProviderCredential.AuthorizationCode code) {
            return provider.profileFromCode(code.code(), code.redirectUri());
        }
        if (credential instanceof ProviderCredential.ProviderAccessToken token) {
            return provider.profileFromAccessToken(token.value());
        }
        throw new IllegalArgumentException("unknown credential kind");
    }
}
