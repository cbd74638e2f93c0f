package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Objects;

public record AuthorizationUrlQuery(ProviderName provider, String state) {
    public AuthorizationUrlQuery {
        Objects.requireNonNull(provider, "provider");
        if (state == null || state.length() < 22) {
            throw new IllegalArgumentException("state must carry at least 128 bits");
        }
    }
}
