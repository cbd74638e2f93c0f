package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.ProvidersQuery;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.util.List;
import java.util.Objects;

/** The providers enabled for the client in alphabetical order (loopback-only ones for loopback clients only). */
public final class ListProvidersService implements ListProvidersUseCase {

    private final IdentityProviders providers;

    public ListProvidersService(IdentityProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public List<ProviderName> enabledProviders(ProvidersQuery query) {
        return ProviderAccess.names(providers, query.loopbackClient());
    }
}
