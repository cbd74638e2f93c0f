package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.LoginFlow;
import java.util.Map;

/**
 * A provider that answers its own authorize step on this service instead of at a site of its own:
 * the service serves {@link #page} (an HTML form) where other providers redirect, and hands the
 * submitted form, once its {@code state} has been checked against the browser's flow, to
 * {@link #code}. The code then completes the same callback as any provider's, through
 * {@link IdentityProvider#profileFromCode}.
 */
public interface HostedAuthorization {

    /**
     * The complete HTML document of the authorize step for {@code flow}: a form that submits
     * {@code application/x-www-form-urlencoded} by POST to the authorize route it is served from,
     * carrying the flow's {@code state} in a field named {@code state}. Everything in it escaped; no
     * script and no inline style, so it is served under a strict Content-Security-Policy.
     */
    String page(LoginFlow flow);

    /**
     * The authorization code for a submitted form of {@code flow} (the flow's state already checked).
     * A form that cannot be used throws {@code DomainException} with {@code INVALID_REQUEST}.
     *
     * @param fields the form's fields by name (the first value of each)
     */
    String code(Map<String, String> fields, LoginFlow flow);
}
