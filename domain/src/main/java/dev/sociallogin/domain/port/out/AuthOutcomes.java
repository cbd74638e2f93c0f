package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.RefreshOutcome;

/**
 * Where the core reports what became of each login and each refresh, as it happens, for counting
 * (metrics); nothing decides on it. Only bounded facts travel: the name of an enabled provider, an
 * outcome, an error code; never a token, a user or any input. Implementations must not throw: a
 * report never fails the call it describes.
 */
public interface AuthOutcomes {

    /** A login through an enabled provider issued a token pair; {@code registered} when it created the user. */
    void loginSucceeded(ProviderName provider, boolean registered);

    /** A login through an enabled provider was refused or failed with {@code code}. */
    void loginFailed(ProviderName provider, ErrorCode code);

    /** A refresh (by the refresh route or a silent one) ended so. */
    void refreshed(RefreshOutcome outcome);
}
