package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Objects;

/** A browser asks to log in with {@code provider}. */
public record AuthorizationUrlQuery(ProviderName provider) {
    public AuthorizationUrlQuery {
        Objects.requireNonNull(provider, "provider");
    }
}
