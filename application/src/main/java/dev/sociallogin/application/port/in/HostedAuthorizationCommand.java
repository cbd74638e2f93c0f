package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.ProviderName;
import java.util.Map;
import java.util.Objects;

/**
 * A browser submits the authorize form a provider hosts on this service.
 *
 * @param state          the form's {@code state} field, or {@code null}
 * @param flowCookie     the browser's {@code oauthState} cookie, or {@code null}
 * @param fields         every field of the form (the first value of each)
 * @param loopbackClient whether the client is on this machine (a loopback address)
 */
public record HostedAuthorizationCommand(ProviderName provider, String state, String flowCookie, Map<String, String> fields,
                                         boolean loopbackClient) {
    public HostedAuthorizationCommand {
        Objects.requireNonNull(provider, "provider");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    @Override
    public String toString() {
        return "HostedAuthorizationCommand[provider=" + provider + ", redacted]";
    }
}
