package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.LoginFlow;

/**
 * Carries a {@link LoginFlow} from authorize to callback in the browser's {@code oauthState}
 * cookie: an opaque string that nobody but this service can read, alter or forge.
 */
public interface LoginFlowCodec {

    /** The flow as an opaque cookie-safe string ({@code [A-Za-z0-9._-]}). */
    String encode(LoginFlow flow);

    /**
     * The flow {@link #encode} wrote. Anything else (altered, forged, truncated, from another key)
     * throws {@link dev.sociallogin.domain.error.DomainException} with {@code INVALID_STATE}. Expiry
     * is the caller's to check ({@link LoginFlow#isExpiredAt}).
     */
    LoginFlow decode(String encoded);
}
