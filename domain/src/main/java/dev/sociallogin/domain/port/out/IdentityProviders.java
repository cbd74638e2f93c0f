package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The enabled providers by name. A provider that is not configured is simply not registered. */
public final class IdentityProviders {

    private final Map<ProviderName, IdentityProvider> byName;

    public IdentityProviders(Collection<? extends IdentityProvider> providers) {
        Map<ProviderName, IdentityProvider> map = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (IdentityProvider provider : providers) {
            if (map.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalArgumentException("provider registered twice: " + provider.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The provider of that name, or {@code UNKNOWN_PROVIDER}. */
    public IdentityProvider get(ProviderName name) {
        IdentityProvider provider = byName.get(name);
        if (provider == null) {
            throw new DomainException(ErrorCode.UNKNOWN_PROVIDER, "provider not enabled");
        }
        return provider;
    }

    /** Enabled provider names in alphabetical order. */
    public List<ProviderName> names() {
        return List.copyOf(byName.keySet());
    }
}
