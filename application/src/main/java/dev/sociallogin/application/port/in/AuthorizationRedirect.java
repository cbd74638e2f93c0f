package dev.sociallogin.application.port.in;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to send the browser, and the login flow it must bring back to the callback: the opaque
 * {@code flowCookie} goes into the browser's {@code oauthState} cookie for {@code lifetime}. A
 * provider that hosts its authorize step on this service gives a {@code page} (an HTML document
 * to answer) instead of a {@code location}: exactly one of the two is present.
 */
public record AuthorizationRedirect(URI location, String page, String flowCookie, Duration lifetime) {
    public AuthorizationRedirect {
        if ((location == null) == (page == null)) {
            throw new IllegalArgumentException("exactly one of location and page");
        }
        Objects.requireNonNull(flowCookie, "flowCookie");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** A redirect to the provider's authorize URL. */
    public AuthorizationRedirect(URI location, String flowCookie, Duration lifetime) {
        this(location, null, flowCookie, lifetime);
    }

    /** The hosted authorize page to answer instead of a redirect, if the provider hosts its authorize step here. */
    public Optional<String> hostedPage() {
        return Optional.ofNullable(page);
    }

    @Override
    public String toString() {
        return "AuthorizationRedirect[location=" + location + ", page=" + (page == null ? "none" : "(html)")
                + ", flowCookie=(hidden), lifetime=" + lifetime + "]";
    }
}
