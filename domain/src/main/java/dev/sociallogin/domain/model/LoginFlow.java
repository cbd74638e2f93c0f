package dev.sociallogin.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One browser login in progress, from authorize to callback: the provider it was started for, the
 * OAuth {@code state} (bound to the browser's {@code oauthState} cookie), the PKCE code verifier and
 * the OpenID Connect nonce, each 256 random bits in base64url, and when it expires. A provider uses
 * what its protocol knows (Kakao only the state, an OpenID Connect issuer all three).
 */
public record LoginFlow(ProviderName provider, String state, String codeVerifier, String nonce, Instant expiresAt) {

    /** 43 to 128 base64url characters: at least the 256 bits {@link #begin} draws (RFC 7636 allows 43-128). */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public LoginFlow {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(expiresAt, "expiresAt");
        for (String value : new String[] {state, codeVerifier, nonce}) {
            if (value == null || !SECRET.matcher(value).matches()) {
                throw new IllegalArgumentException("state, code verifier and nonce must each be 43-128 base64url characters");
            }
        }
    }

    /** A new flow for {@code provider} with fresh random values, valid until {@code expiresAt}. */
    public static LoginFlow begin(ProviderName provider, Instant expiresAt) {
        return new LoginFlow(provider, random(), random(), random(), expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether {@code candidate} (a callback's {@code state}) is this flow's state; constant time. */
    public boolean stateMatches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LoginFlow[provider=" + provider + ", expiresAt=" + expiresAt + ", values=(hidden)]";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
