package dev.sociallogin.bootstrap.settings;

import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.settings.SettingsSource;
import java.time.Duration;
import java.util.Optional;

/**
 * The core's own configuration, which no adapter owns: the token policy ({@code AUTH_ACCESS_TOKEN_TTL},
 * {@code AUTH_REFRESH_TOKEN_TTL}, {@code AUTH_REFRESH_REUSE_GRACE}, {@code AUTH_SESSION_MAX_LIFETIME}).
 */
public final class CoreSettings {

    public static final String AUTH_ACCESS_TOKEN_TTL = "AUTH_ACCESS_TOKEN_TTL";
    public static final String AUTH_REFRESH_TOKEN_TTL = "AUTH_REFRESH_TOKEN_TTL";
    public static final String AUTH_REFRESH_REUSE_GRACE = "AUTH_REFRESH_REUSE_GRACE";
    public static final String AUTH_SESSION_MAX_LIFETIME = "AUTH_SESSION_MAX_LIFETIME";

    private CoreSettings() {
    }

    /** The token policy; an unusable value is refused naming its variable. */
    public static TokenPolicy tokenPolicy(SettingsSource source) {
        Duration second = Duration.ofSeconds(1);
        return new TokenPolicy(
                source.duration(AUTH_ACCESS_TOKEN_TTL, "PT5H", second),
                source.duration(AUTH_REFRESH_TOKEN_TTL, "P7D", second),
                source.duration(AUTH_REFRESH_REUSE_GRACE, "PT10S", Duration.ZERO),
                source.duration(AUTH_SESSION_MAX_LIFETIME, "P30D", second));
    }

    /** A policy that starts but is likely a mistake, worth a warning in the log. */
    public static Optional<String> warning(TokenPolicy policy) {
        return policy.refreshTtl().compareTo(policy.sessionMaxLifetime()) > 0
                ? Optional.of("AUTH_REFRESH_TOKEN_TTL is longer than AUTH_SESSION_MAX_LIFETIME: refresh tokens end with their session")
                : Optional.empty();
    }
}
