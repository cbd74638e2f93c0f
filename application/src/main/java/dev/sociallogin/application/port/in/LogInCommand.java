package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Objects;

public record LogInCommand(ProviderName provider, ProviderCredential credential) {
    public LogInCommand {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credential, "credential");
    }
}
