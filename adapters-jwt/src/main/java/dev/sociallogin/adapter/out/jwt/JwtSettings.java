package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * What the codec needs: the HS256 key, the issuer ({@code iss}) it writes and demands, and the
 * longest lifetime ({@code exp - iat}) it accepts for each token type. The lifetimes must be the
 * ones the application issues with ({@link TokenPolicy}); {@link #of(String, String, TokenPolicy)}
 * takes them from there so they cannot drift apart.
 *
 * @param key        build it with {@link JwtKeys}; at least {@value JwtKeys#MIN_KEY_BYTES} bytes
 * @param issuer     non-blank, e.g. the service's public base URL or name
 * @param accessTtl  longest accepted access-token lifetime
 * @param refreshTtl longest accepted refresh-token lifetime
 */
public record JwtSettings(SecretKey key, String issuer, Duration accessTtl, Duration refreshTtl) {

    public JwtSettings {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length < JwtKeys.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("JWT key must be at least " + JwtKeys.MIN_KEY_BYTES + " bytes");
        }
        Arrays.fill(encoded, (byte) 0);
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("JWT issuer must not be blank");
        }
        requirePositive(accessTtl, "access token lifetime");
        requirePositive(refreshTtl, "refresh token lifetime");
    }

    /** Settings from a configured secret string (read as {@link JwtKeys#fromSecret} says) and the token policy. */
    public static JwtSettings of(String secret, String issuer, TokenPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new JwtSettings(JwtKeys.fromSecret(secret), issuer, policy.accessTtl(), policy.refreshTtl());
    }

    /** The longest lifetime accepted for tokens of that type. */
    public Duration lifetime(TokenType type) {
        return type == TokenType.ACCESS ? accessTtl : refreshTtl;
    }

    @Override
    public String toString() {
        // SecretKeySpec's hashCode derives from the key bytes: keep even that out of logs
        return "JwtSettings[key=(hidden), issuer=" + issuer + ", accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + "]";
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(what + " must be at least one second");
        }
    }
}
