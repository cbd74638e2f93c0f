package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import java.net.URI;

/**
 * A social login provider (Kakao, and next Naver, Google, ...). Implementations throw
 * {@link dev.sociallogin.domain.error.DomainException} with {@code PROVIDER_REJECTED} when the
 * provider refuses the user's code or token, {@code PROVIDER_UNAVAILABLE} for everything else, and
 * never put a code, token or secret into a message.
 */
public interface IdentityProvider {

    ProviderName name();

    /** Where to send the browser to log in, carrying {@code state} back to our callback. */
    URI authorizationUrl(String state);

    /**
     * Exchanges an authorization code for the user's profile.
     *
     * @param redirectUri the redirect URI the code was issued for, or {@code null} for the configured one
     */
    ProviderProfile profileFromCode(String code, String redirectUri);

    /** The profile behind an access token the provider issued to our app (mobile login). */
    ProviderProfile profileFromAccessToken(String accessToken);
}
