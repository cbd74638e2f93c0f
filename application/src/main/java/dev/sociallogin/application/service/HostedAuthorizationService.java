package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.HostedAuthorizationCommand;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.port.out.HostedAuthorization;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviders;
import java.util.Objects;

/**
 * The submitted form of a hosted authorize step: the provider (enabled for this client, and hosting
 * its authorize step), the form's state checked against the browser's flow without using the flow
 * up (the callback that follows does), then the provider's code for the form.
 */
public final class HostedAuthorizationService implements HostedAuthorizationUseCase {

    private final IdentityProviders providers;
    private final LoginFlows flows;

    public HostedAuthorizationService(IdentityProviders providers, LoginFlows flows) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    @Override
    public String authorizationCode(HostedAuthorizationCommand command) {
        IdentityProvider provider = ProviderAccess.get(providers, command.provider(), command.loopbackClient());
        HostedAuthorization hosted = provider.hostedAuthorization()
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_REQUEST, "provider has no hosted authorize step"));
        LoginFlow flow = flows.check(command.provider(), command.state(), command.flowCookie());
        return hosted.code(command.fields(), flow);
    }
}
