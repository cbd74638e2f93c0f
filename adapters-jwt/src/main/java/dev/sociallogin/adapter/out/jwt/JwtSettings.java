package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * The token adapter's configuration, read and checked once by {@link #from(Function)}. Token
 * lifetimes are not here: they are the core's {@code TokenPolicy}, handed to {@link JwtTokens#open}.
 *
 * @param issuer       {@code iss} written and required; also names the key ring in the store
 * @param algorithm    of access tokens; refresh tokens are HS256 whatever it is
 * @param secret       {@code AUTH_JWT_SECRET} read by {@link JwtKeys#fromSecret}: under HS256 the
 *                     signing key, otherwise the key of tokens without {@code kid} (v1's); may be null
 * @param keyRotation  a new key every this long; zero: only by command (asymmetric algorithms only)
 * @param publishAhead a new key is published this long before it signs
 * @param dataDir      where v1's generated key file is (created there only under HS256 without a secret)
 */
public record JwtSettings(String issuer, SigningAlgorithm algorithm, SecretKey secret, Duration keyRotation, Duration publishAhead,
        Path dataDir) {

    public static final String AUTH_JWT_SECRET = "AUTH_JWT_SECRET";
    public static final String AUTH_JWT_ISSUER = "AUTH_JWT_ISSUER";
    public static final String AUTH_JWT_ALGORITHM = "AUTH_JWT_ALGORITHM";
    public static final String AUTH_JWT_KEY_ROTATION = "AUTH_JWT_KEY_ROTATION";
    public static final String AUTH_JWT_KEY_PUBLISH_AHEAD = "AUTH_JWT_KEY_PUBLISH_AHEAD";
    public static final String AUTH_DATA_DIR = "AUTH_DATA_DIR";

    /** Every variable this adapter reads. */
    public static final List<String> NAMES = List.of(AUTH_JWT_SECRET, AUTH_JWT_ISSUER, AUTH_JWT_ALGORITHM, AUTH_JWT_KEY_ROTATION,
            AUTH_JWT_KEY_PUBLISH_AHEAD, AUTH_DATA_DIR);

    /** Shorter rotations would pile up keys (each kept for a token lifetime after it retires). */
    static final Duration MIN_KEY_ROTATION = Duration.ofMinutes(1);

    public JwtSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("JWT issuer must not be blank");
        }
        if (issuer.length() > SigningKeyStore.MAX_RING_LENGTH) {
            throw new IllegalArgumentException("JWT issuer must be at most " + SigningKeyStore.MAX_RING_LENGTH + " characters");
        }
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyRotation, "keyRotation");
        Objects.requireNonNull(publishAhead, "publishAhead");
        Objects.requireNonNull(dataDir, "dataDir");
        if (keyRotation.isNegative() || (!keyRotation.isZero() && keyRotation.compareTo(MIN_KEY_ROTATION) < 0)) {
            throw new IllegalArgumentException("key rotation must be PT0S or at least " + MIN_KEY_ROTATION);
        }
        if (publishAhead.isNegative()) {
            throw new IllegalArgumentException("publish-ahead must not be negative");
        }
    }

    /**
     * Reads {@code AUTH_JWT_SECRET} (taken exactly as given), {@code AUTH_JWT_ISSUER} (default
     * {@code social-login}), {@code AUTH_JWT_ALGORITHM} ({@code ES256}, {@code EdDSA}, {@code RS256} or
     * {@code HS256}; default {@code ES256}, or {@code HS256} when a secret is set),
     * {@code AUTH_JWT_KEY_ROTATION} (default {@code P30D}), {@code AUTH_JWT_KEY_PUBLISH_AHEAD} (default
     * {@code PT15M}) and {@code AUTH_DATA_DIR} (default {@code ./data}). Every refusal is an
     * {@link InvalidSettingException} naming the variable, never its value.
     */
    public static JwtSettings from(Function<String, String> source) {
        SettingsSource in = new SettingsSource(Objects.requireNonNull(source, "source"));
        SecretKey secret = in.secret(AUTH_JWT_SECRET).map(JwtSettings::secretKey).orElse(null);
        String issuer = in.text(AUTH_JWT_ISSUER, "social-login");
        if (issuer.length() > SigningKeyStore.MAX_RING_LENGTH || issuer.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingException(AUTH_JWT_ISSUER,
                    "must be at most " + SigningKeyStore.MAX_RING_LENGTH + " characters without control characters");
        }
        List<String> names = List.of("ES256", "EdDSA", "RS256", "HS256");
        SigningAlgorithm algorithm = SigningAlgorithm.fromJwaName(in.oneOf(AUTH_JWT_ALGORITHM, secret == null ? "ES256" : "HS256", names))
                .orElseThrow();
        Duration rotation = in.duration(AUTH_JWT_KEY_ROTATION, "P30D", Duration.ZERO);
        if (!rotation.isZero() && rotation.compareTo(MIN_KEY_ROTATION) < 0) {
            throw new InvalidSettingException(AUTH_JWT_KEY_ROTATION, "must be PT0S (rotation by command only) or at least " + MIN_KEY_ROTATION);
        }
        Duration publishAhead = in.duration(AUTH_JWT_KEY_PUBLISH_AHEAD, "PT15M", Duration.ZERO);
        Path dataDir = in.path(AUTH_DATA_DIR, "./data");
        return new JwtSettings(issuer, algorithm, secret, rotation, publishAhead, dataDir);
    }

    /** The configured secret, if any. */
    public Optional<SecretKey> optionalSecret() {
        return Optional.ofNullable(secret);
    }

    private static SecretKey secretKey(String value) {
        try {
            return JwtKeys.fromSecret(value);
        } catch (IllegalArgumentException weak) {
            // JwtKeys never puts the secret into its messages
            throw new InvalidSettingException(AUTH_JWT_SECRET, weak.getMessage());
        }
    }

    @Override
    public String toString() {
        // SecretKeySpec's hashCode derives from the key bytes: keep even that out of logs
        return "JwtSettings[issuer=" + issuer + ", algorithm=" + algorithm.jwaName() + ", secret=" + (secret == null ? "unset" : "(hidden)")
                + ", keyRotation=" + keyRotation + ", publishAhead=" + publishAhead + ", dataDir=" + dataDir + "]";
    }
}
