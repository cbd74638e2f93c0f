package dev.sociallogin.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The OAuth {@code state}: 256 random bits per authorize, compared in constant time at the callback. */
final class OAuthState {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the callback's {@code state} is the one this browser's cookie holds. */
    static boolean matches(String fromCookie, String fromCallback) {
        if (fromCookie == null || fromCallback == null || fromCookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(fromCookie.getBytes(StandardCharsets.UTF_8), fromCallback.getBytes(StandardCharsets.UTF_8));
    }
}
