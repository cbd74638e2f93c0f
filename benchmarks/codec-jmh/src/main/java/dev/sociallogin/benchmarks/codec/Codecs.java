package dev.sociallogin.benchmarks.codec;

import dev.sociallogin.adapter.out.jwt.JjwtTokenCodec;
import dev.sociallogin.adapter.out.jwt.JwtKeys;
import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The token codecs under benchmark, by name. To add one (an asymmetric codec of the JWKS work):
 * a {@code case} here and its name in {@link TokenCodecBenchmark#codec}'s {@code @Param} list (or
 * {@code -p codec=<name>} on the command line).
 */
final class Codecs {

    static final String ISSUER = "social-login";
    static final Duration ACCESS_TTL = Duration.ofHours(5);
    static final Duration REFRESH_TTL = Duration.ofDays(7);

    private Codecs() {
    }

    static TokenCodec create(String name, Clock clock) {
        return switch (name) {
            case "jjwt-hs256" -> new JjwtTokenCodec(new JwtSettings(JwtKeys.fromBytes(randomBytes(32)), ISSUER, ACCESS_TTL, REFRESH_TTL),
                    clock);
            default -> throw new IllegalArgumentException("unknown codec " + name);
        };
    }

    /** An access token as the service issues them: a Kakao username, a session (family), 5 hours. */
    static TokenClaims accessClaims(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return TokenClaims.access(TokenId.random(), new UserId(1_234_567), new Username("kakao_4362956124"), now, now.plus(ACCESS_TTL),
                FamilyId.random());
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
