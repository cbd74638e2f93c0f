package dev.sociallogin.application.port.in;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where to send the browser, and the login flow it must bring back to the callback: the opaque
 * {@code flowCookie} goes into the browser's {@code oauthState} cookie for {@code lifetime}.
 */
public record AuthorizationRedirect(URI location, String flowCookie, Duration lifetime) {
    public AuthorizationRedirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(flowCookie, "flowCookie");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    @Override
    public String toString() {
        return "AuthorizationRedirect[location=" + location + ", flowCookie=(hidden), lifetime=" + lifetime + "]";
    }
}
