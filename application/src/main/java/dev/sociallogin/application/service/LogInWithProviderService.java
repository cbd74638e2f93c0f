package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.time.Instant;
import java.util.Objects;

/**
 * Logs in through a provider:
 * <ol>
 *   <li>a browser callback's state is checked against its flow cookie ({@link LoginFlows}:
 *       {@code INVALID_STATE}), and the flow goes with the code to the provider;</li>
 *   <li>the provider ({@code UNKNOWN_PROVIDER} when not enabled) turns the credential into a
 *       profile (its {@code PROVIDER_REJECTED} / {@code PROVIDER_UNAVAILABLE} propagate);</li>
 *   <li>the user of that identity, or a newly registered one; the repository's registration
 *       settles a race of first logins, so exactly one of them reports {@code registered};</li>
 *   <li>a disabled user gets {@code TOKEN_NOT_VALID}: a token for a disabled user would not be
 *       valid, so none is issued (the closed error set has no "disabled" code);</li>
 *   <li>lastLogin is recorded and returned; a new family starts now, its first refresh token
 *       living {@code min(refreshTtl, sessionMaxLifetime)}, with an access token of {@code accessTtl}.</li>
 * </ol>
 * Every login through an enabled provider is reported to {@code AuthOutcomes}, success or failure;
 * one through an unknown provider is not (its name is the caller's and unbounded).
 */
public final class LogInWithProviderService implements LogInWithProviderUseCase {

    private final IdentityProviders providers;
    private final AuthCore core;
    private final LoginFlows flows;

    public LogInWithProviderService(IdentityProviders providers, AuthCore core, LoginFlows flows) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.core = Objects.requireNonNull(core, "core");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    @Override
    public LoginResult logIn(LogInCommand command) {
        IdentityProvider provider = ProviderAccess.get(providers, command.provider(), command.loopbackClient());
        LoginResult result;
        try {
            result = logIn(provider, command.provider(), command.credential());
        } catch (DomainException e) {
            core.outcomes.loginFailed(command.provider(), e.code());
            throw e;
        }
        core.outcomes.loginSucceeded(command.provider(), result.registered());
        return result;
    }

    private LoginResult logIn(IdentityProvider provider, ProviderName name, ProviderCredential credential) {
        ProviderProfile profile = profileOf(provider, name, credential);
        Instant now = TokenIssuer.now(core.clock);

        Registration registration = core.users.findByIdentity(profile.identity())
                .map(existing -> new Registration(existing, false))
                .orElseGet(() -> core.users.register(NewUser.from(profile, now)));
        if (!registration.user().active()) {
            throw new DomainException(ErrorCode.TOKEN_NOT_VALID, "user disabled");
        }
        core.users.recordLogin(registration.user().id(), now);
        User user = registration.user().withLastLogin(now);

        StoredRefreshToken first = core.issuer.firstOfNewFamily(user.id(), now);
        core.refreshTokens.saveNewFamily(first);
        return new LoginResult(user, registration.created(), core.issuer.pair(user, first, now));
    }

    private ProviderProfile profileOf(IdentityProvider provider, ProviderName name, ProviderCredential credential) {
        if (credential instanceof ProviderCredential.BrowserCallback callback) {
            LoginFlow flow = flows.complete(name, callback.state(), callback.flowCookie());
            if (callback.code() == null || callback.code().isBlank()) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "callback without a code");
            }
            return provider.profileFromCode(callback.code(), null, flow);
        }
        if (credential instanceof ProviderCredential.AuthorizationCode code) {
            // an app's own code: no flow of ours, so no state to check (the contract's /login form)
            return provider.profileFromCode(code.code(), code.redirectUri(), null);
        }
        // the credential type is sealed: the other kind is the provider's access token
        return provider.profileFromAccessToken(((ProviderCredential.ProviderAccessToken) credential).value());
    }
}
