package dev.sociallogin.application.port.in;

import java.net.URI;

/** Where to send a browser to log in with a provider. */
public interface AuthorizationUrlUseCase {
    URI authorizationUrl(AuthorizationUrlQuery query);
}
