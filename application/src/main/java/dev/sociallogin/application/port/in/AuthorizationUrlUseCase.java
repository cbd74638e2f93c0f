package dev.sociallogin.application.port.in;

/**
 * Starts a browser login: a new login flow (state, PKCE verifier, nonce) for the provider, its
 * authorize URL, and the flow sealed for the browser's cookie. {@code UNKNOWN_PROVIDER} when the
 * provider is not enabled.
 */
public interface AuthorizationUrlUseCase {
    AuthorizationRedirect authorizationUrl(AuthorizationUrlQuery query);
}
