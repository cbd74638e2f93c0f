package dev.sociallogin.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of tokens and sessions (the origin design's 5 h access, 7 d refresh; a 10 s reuse
 * grace; a 30 d absolute session lifetime).
 */
public record TokenPolicy(Duration accessTtl, Duration refreshTtl, Duration reuseGrace, Duration sessionMaxLifetime) {

    public static final TokenPolicy DEFAULTS =
            new TokenPolicy(Duration.ofHours(5), Duration.ofDays(7), Duration.ofSeconds(10), Duration.ofDays(30));

    public TokenPolicy {
        requireAtLeastOneSecond(accessTtl, "access token lifetime");
        requireAtLeastOneSecond(refreshTtl, "refresh token lifetime");
        requireAtLeastOneSecond(sessionMaxLifetime, "session lifetime");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
        if (reuseGrace.isNegative()) {
            throw new IllegalArgumentException("reuse grace must not be negative");
        }
    }

    private static void requireAtLeastOneSecond(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(what + " must be at least one second");
        }
    }
}
