package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import dev.sociallogin.domain.port.out.SigningKeys;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The token adapter assembled: the {@link TokenCodec}, the {@link SigningKeys} behind the JWKS and
 * {@code rotate-keys}, and the key ring's maintenance thread that {@link #close()} stops.
 *
 * <p>Under an asymmetric algorithm the keys live in the {@link SigningKeyStore} (opened, read and,
 * on a first start, filled before {@link #open} returns); v1's secret ({@code AUTH_JWT_SECRET}, else
 * the key file in {@code AUTH_DATA_DIR} if there is one, never created) verifies only tokens without
 * kid. Under HS256 the secret (else the key file, generated if missing) signs everything, the store is
 * not used, the JWKS is empty and nothing rotates.
 */
public final class JwtTokens implements AutoCloseable {

    private final JjwtTokenCodec codec;
    private final SigningKeys signingKeys;
    private final KeyRingKeeper keeper;
    private final LoginFlowCodec loginFlowCodec;

    private JwtTokens(JjwtTokenCodec codec, SigningKeys signingKeys, KeyRingKeeper keeper, LoginFlowCodec loginFlowCodec) {
        this.codec = codec;
        this.signingKeys = signingKeys;
        this.keeper = keeper;
        this.loginFlowCodec = loginFlowCodec;
    }

    /**
     * Opens the adapter. Throws {@code InvalidSettingException} for a bad key file
     * ({@code AUTH_JWT_SECRET} or {@code AUTH_DATA_DIR}), {@code DomainException(STORAGE_UNAVAILABLE)}
     * when the key ring cannot be read or created now.
     *
     * @param store the key ring's store; not used (and may be null) under HS256
     */
    public static JwtTokens open(JwtSettings settings, TokenPolicy policy, SigningKeyStore store, Clock clock) {
        return open(settings, policy, store, clock, JjwtTokenCodec.DEFAULT_CACHE_ENTRIES, true);
    }

    /** With a cache size ({@code 0}: none) and, for tests, without the periodic maintenance thread. */
    static JwtTokens open(JwtSettings settings, TokenPolicy policy, SigningKeyStore store, Clock clock, int cacheEntries,
            boolean periodic) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        if (settings.algorithm() == SigningAlgorithm.HS256) {
            SecretKeys secret = new SecretKeys(settings.optionalSecret().orElseGet(() -> fromKeyFile(settings, true).orElseThrow()),
                    settings.issuer());
            JjwtTokenCodec codec = new JjwtTokenCodec(secret, settings.issuer(), policy, clock, EnumSet.of(SigningAlgorithm.HS256),
                    cacheEntries);
            return new JwtTokens(codec, secret, null, new AesGcmLoginFlowCodec(secret, clock));
        }
        Objects.requireNonNull(store, "store");
        SecretKey legacy = settings.optionalSecret().or(() -> fromKeyFile(settings, false)).orElse(null);
        KeyRingKeeper keeper = new KeyRingKeeper(store, settings, policy, clock, legacy, System::nanoTime);
        keeper.start(periodic);
        JjwtTokenCodec codec = new JjwtTokenCodec(keeper, settings.issuer(), policy, clock, EnumSet.allOf(SigningAlgorithm.class),
                cacheEntries);
        return new JwtTokens(codec, keeper, keeper, new AesGcmLoginFlowCodec(keeper, clock));
    }

    private static Optional<SecretKey> fromKeyFile(JwtSettings settings, boolean create) {
        SigningKeyFile file = new SigningKeyFile(settings.dataDir());
        Optional<byte[]> raw = create ? Optional.of(file.loadOrCreate()) : file.loadIfPresent();
        return raw.map(bytes -> {
            try {
                return JwtKeys.fromBytes(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        });
    }

    public TokenCodec codec() {
        return codec;
    }

    /** Seals the browser's login flow for its {@code oauthState} cookie, keyed like refresh tokens. */
    public LoginFlowCodec loginFlowCodec() {
        return loginFlowCodec;
    }

    /** For {@code GetPublishedKeysService} and {@code RotateKeysService}. */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** Reads the key ring now (tests; the maintenance thread does this periodically). */
    void reload() {
        if (keeper != null) {
            keeper.maintain(false);
        }
    }

    KeyRingKeeper keeper() {
        return keeper;
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }
}
