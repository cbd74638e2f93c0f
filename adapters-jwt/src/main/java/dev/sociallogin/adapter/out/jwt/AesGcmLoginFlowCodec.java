package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import dev.sociallogin.adapter.out.jwt.KeyMaterial.LoadedKey;
import dev.sociallogin.domain.model.TokenType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link LoginFlow} for the {@code oauthState} cookie with AES-256-GCM: authenticated
 * encryption, so the cookie can be neither read (the PKCE verifier and nonce stay secret from
 * anything that sees the cookie) nor altered or forged without the key. The AES key is derived by
 * HMAC-SHA256 over a fixed label from the internal key that signs refresh tokens (the key ring's,
 * shared by every instance on the database; under HS256 the secret), so a cookie and a token never
 * share a key, and every instance reads every instance's cookies. The cookie names that key's kid:
 * a flow begun before a rotation still opens after it (the old key stays accepted for a refresh
 * token's lifetime, far longer than a flow's ten minutes).
 *
 * <p>Format: {@code f1.<kid>.} + base64url(12-byte IV || ciphertext || 16-byte tag), the plaintext
 * {@code provider.state.verifier.nonce.expiresAtEpochSecond} (none of them can hold a dot). The
 * version and kid are bound as associated data. Decoding refuses anything else, over
 * {@value #MAX_ENCODED} characters or not in that shape, with {@code INVALID_STATE} and no detail.
 */
final class AesGcmLoginFlowCodec implements LoginFlowCodec {

    static final String VERSION = "f1";
    static final int MAX_ENCODED = 1024;
    private static final byte[] KEY_LABEL = "social-login oauthState cookie AES-256-GCM key v1".getBytes(StandardCharsets.US_ASCII);

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern SHAPE = Pattern.compile("f1\\.([A-Za-z0-9_-]{1,64})\\.([A-Za-z0-9_-]{40,1000})");

    private final TokenKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** AES keys derived so far, by the kid of the key they come from (a handful over the service's life). */
    private final Map<String, SecretKey> derived = new ConcurrentHashMap<>();

    AesGcmLoginFlowCodec(TokenKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String encode(LoginFlow flow) {
        String plain = String.join(".", flow.provider().value(), flow.state(), flow.codeVerifier(), flow.nonce(),
                Long.toString(flow.expiresAt().getEpochSecond()));
        LoadedKey signer = keys.signer(TokenType.REFRESH, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        String kid = signer.kid().value();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(signer), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(kid));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + "." + kid + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES-GCM is required of every Java platform: this cannot happen on a working JVM
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public LoginFlow decode(String encoded) {
        Matcher shape = encoded == null || encoded.length() > MAX_ENCODED ? null : SHAPE.matcher(encoded);
        if (shape == null || !shape.matches()) {
            throw invalid();
        }
        String kid = shape.group(1);
        LoadedKey key = keys.verifier(kid, Instant.now(clock), false);
        if (key == null || !key.signs(TokenType.REFRESH) || !key.algorithm().isSymmetric()) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(shape.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
            throw invalid();
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(key), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(kid));
            plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // a failed tag: altered, forged, or sealed with another key
            throw invalid();
        }
        return parse(new String(plain, StandardCharsets.US_ASCII));
    }

    private static LoginFlow parse(String plain) {
        String[] parts = plain.split("\\.", -1);
        if (parts.length != 5 || !parts[4].matches("[0-9]{1,12}")) {
            throw invalid();
        }
        try {
            return new LoginFlow(new ProviderName(parts[0]), parts[1], parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static byte[] aad(String kid) {
        return (VERSION + "." + kid).getBytes(StandardCharsets.US_ASCII);
    }

    private SecretKey aesKey(LoadedKey key) {
        return derived.computeIfAbsent(key.kid().value(), kid -> derive((SecretKey) key.signingKey()));
    }

    private static SecretKey derive(SecretKey tokenKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(tokenKey);
            byte[] derived = mac.doFinal(KEY_LABEL);
            SecretKey aes = new SecretKeySpec(derived, "AES");
            Arrays.fill(derived, (byte) 0);
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_STATE, "oauthState cookie is not a login flow sealed by this service");
    }
}
