package dev.sociallogin.adapter.out.oidc;

import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviderFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The OpenID Connect providers {@code AUTH_OIDC_PROVIDERS} names; found by bootstrap through
 * {@link java.util.ServiceLoader}. Each reads its discovery document and keys in the background
 * from here on; start-up does not wait for them.
 */
public final class OidcIdentityProviderFactory implements IdentityProviderFactory {

    @Override
    public List<IdentityProvider> create(Function<String, String> variables, Clock clock) {
        List<IdentityProvider> providers = new ArrayList<>();
        for (OidcSettings settings : OidcSettings.all(variables)) {
            OidcIdentityProvider provider = new OidcIdentityProvider(settings, clock);
            provider.prefetch();
            providers.add(provider);
        }
        return List.copyOf(providers);
    }
}
