package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Objects;

/**
 * @param loopbackClient whether the client is on this machine (a loopback address): providers that
 *                       answer loopback clients only exist for it
 */
public record LogInCommand(ProviderName provider, ProviderCredential credential, boolean loopbackClient) {
    public LogInCommand {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credential, "credential");
    }

    /** From a client that is not on this machine. */
    public LogInCommand(ProviderName provider, ProviderCredential credential) {
        this(provider, credential, false);
    }
}
