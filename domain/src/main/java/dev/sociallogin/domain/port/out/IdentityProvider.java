package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import java.net.URI;
import java.util.Optional;

/**
 * A social login provider (Kakao, Naver, any OpenID Connect issuer, ...). Implementations throw
 * {@link dev.sociallogin.domain.error.DomainException} with {@code PROVIDER_REJECTED} when the
 * provider refuses the user's code or token, {@code PROVIDER_UNAVAILABLE} for everything else, and
 * never put a code, token or secret into a message.
 */
public interface IdentityProvider {

    ProviderName name();

    /**
     * Where to send the browser to log in: carries the flow's {@code state} back to our callback,
     * and, where the provider's protocol knows them, the PKCE challenge of its code verifier and its nonce.
     */
    URI authorizationUrl(LoginFlow flow);

    /**
     * Exchanges an authorization code for the user's profile.
     *
     * @param redirectUri the redirect URI the code was issued for, or {@code null} for the configured one
     * @param flow        the browser flow the code was issued in (its code verifier is sent, its nonce
     *                    required in an ID token), or {@code null} for a code an app obtained itself
     */
    ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow);

    /** The profile behind an access token the provider issued to our app (mobile login). */
    ProviderProfile profileFromAccessToken(String accessToken);

    /**
     * Whether the provider exists only for clients on this machine (a loopback address, as the web
     * adapter resolves the client behind trusted proxies). For any other client the application
     * treats it as not enabled: not listed, and {@code UNKNOWN_PROVIDER} on its routes.
     */
    default boolean loopbackOnly() {
        return false;
    }

    /**
     * The provider's own authorize step served by this service ({@link HostedAuthorization}), or
     * empty for a provider whose authorize step is at its {@link #authorizationUrl}, as usual.
     */
    default Optional<HostedAuthorization> hostedAuthorization() {
        return Optional.empty();
    }
}
