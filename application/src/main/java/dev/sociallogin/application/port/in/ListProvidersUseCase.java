package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.List;

/** The providers enabled for this client, in alphabetical order. */
public interface ListProvidersUseCase {
    List<ProviderName> enabledProviders(ProvidersQuery query);
}
