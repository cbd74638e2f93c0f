package dev.sociallogin.application.port.in;

import java.util.Locale;
import java.util.Optional;

public enum LogoutScope {
    /** This session: the presented refresh token's family and the presented access token. */
    LOCAL,
    /** Every other session of the user; this one stays. */
    OTHERS,
    /** Every session of the user and the presented access token. */
    GLOBAL;

    public static Optional<LogoutScope> parse(String text) {
        if (text == null) {
            return Optional.of(LOCAL);
        }
        for (LogoutScope scope : values()) {
            if (scope.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
