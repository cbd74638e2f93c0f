package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.port.out.HostedAuthorization;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.util.Objects;
import java.util.Optional;

/**
 * A new login flow, the enabled provider's authorize URL for it (or, for a provider that hosts its
 * authorize step here, its page) and the sealed flow; {@code UNKNOWN_PROVIDER} otherwise.
 */
public final class AuthorizationUrlService implements AuthorizationUrlUseCase {

    private final IdentityProviders providers;
    private final LoginFlows flows;

    public AuthorizationUrlService(IdentityProviders providers, LoginFlows flows) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    @Override
    public AuthorizationRedirect authorizationUrl(AuthorizationUrlQuery query) {
        IdentityProvider provider = ProviderAccess.get(providers, query.provider(), query.loopbackClient());
        LoginFlow flow = flows.begin(query.provider());
        Optional<HostedAuthorization> hosted = provider.hostedAuthorization();
        if (hosted.isPresent()) {
            return new AuthorizationRedirect(null, hosted.get().page(flow), flows.seal(flow), LoginFlows.LIFETIME);
        }
        return new AuthorizationRedirect(provider.authorizationUrl(flow), flows.seal(flow), LoginFlows.LIFETIME);
    }
}
