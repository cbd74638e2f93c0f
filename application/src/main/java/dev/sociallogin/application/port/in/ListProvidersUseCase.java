package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.List;

/** The enabled providers. */
public interface ListProvidersUseCase {
    List<ProviderName> enabledProviders();
}
