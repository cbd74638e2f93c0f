package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.util.Objects;

/** A new login flow, the enabled provider's authorize URL for it and the sealed flow; {@code UNKNOWN_PROVIDER} otherwise. */
public final class AuthorizationUrlService implements AuthorizationUrlUseCase {

    private final IdentityProviders providers;
    private final LoginFlows flows;

    public AuthorizationUrlService(IdentityProviders providers, LoginFlows flows) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    @Override
    public AuthorizationRedirect authorizationUrl(AuthorizationUrlQuery query) {
        IdentityProvider provider = providers.get(query.provider());
        LoginFlow flow = flows.begin(query.provider());
        return new AuthorizationRedirect(provider.authorizationUrl(flow), flows.seal(flow), LoginFlows.LIFETIME);
    }
}
