package dev.sociallogin.application.service;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.util.List;

/**
 * Which enabled providers exist for a client: all of them for a client on this machine, all but the
 * loopback-only ones ({@link IdentityProvider#loopbackOnly()}) for any other. A hidden provider is
 * indistinguishable from one that is not enabled.
 */
final class ProviderAccess {

    private ProviderAccess() {
    }

    static IdentityProvider get(IdentityProviders providers, ProviderName name, boolean loopbackClient) {
        IdentityProvider provider = providers.get(name);
        if (provider.loopbackOnly() && !loopbackClient) {
            throw new DomainException(ErrorCode.UNKNOWN_PROVIDER, "provider not enabled");
        }
        return provider;
    }

    static List<ProviderName> names(IdentityProviders providers, boolean loopbackClient) {
        return providers.names().stream().filter(name -> loopbackClient || !providers.get(name).loopbackOnly()).toList();
    }
}
