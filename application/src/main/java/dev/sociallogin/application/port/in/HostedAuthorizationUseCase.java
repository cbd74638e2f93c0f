package dev.sociallogin.application.port.in;

/**
 * Turns a submitted hosted authorize form into the authorization code the browser then brings to
 * the provider's callback, as it would from any provider's authorize page. The form's state must be
 * the state of the browser's login flow ({@code INVALID_STATE}); the flow is not used up here: the
 * callback does that. {@code UNKNOWN_PROVIDER} when the provider is not enabled for this client,
 * {@code INVALID_REQUEST} when it does not host its authorize step or refuses the form.
 */
public interface HostedAuthorizationUseCase {
    String authorizationCode(HostedAuthorizationCommand command);
}
