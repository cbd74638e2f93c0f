package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Objects;

/**
 * A browser asks to log in with {@code provider}.
 *
 * @param loopbackClient whether the client is on this machine (a loopback address): providers that
 *                       answer loopback clients only exist for it
 */
public record AuthorizationUrlQuery(ProviderName provider, boolean loopbackClient) {
    public AuthorizationUrlQuery {
        Objects.requireNonNull(provider, "provider");
    }

    /** From a client that is not on this machine. */
    public AuthorizationUrlQuery(ProviderName provider) {
        this(provider, false);
    }
}
