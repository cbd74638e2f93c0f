package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.net.URI;
import java.util.Objects;

/** The enabled provider's authorize URL carrying the state; {@code UNKNOWN_PROVIDER} otherwise. */
public final class AuthorizationUrlService implements AuthorizationUrlUseCase {

    private final IdentityProviders providers;

    public AuthorizationUrlService(IdentityProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public URI authorizationUrl(AuthorizationUrlQuery query) {
        return providers.get(query.provider()).authorizationUrl(query.state());
    }
}
