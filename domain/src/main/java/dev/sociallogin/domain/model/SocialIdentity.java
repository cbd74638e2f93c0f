package dev.sociallogin.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's account at a provider: the provider and the provider's stable subject id. A subject is
 * what OpenID Connect allows for {@code sub}: up to 255 visible ASCII characters (Kakao's and
 * Naver's ids are far shorter).
 */
public record SocialIdentity(ProviderName provider, String subject) {

    public static final int MAX_SUBJECT_LENGTH = 255;
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public SocialIdentity {
        Objects.requireNonNull(provider, "provider");
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("provider subject must be 1-255 visible ASCII characters");
        }
    }

    /**
     * The username this identity registers under: provider + {@code _} + subject ({@code kakao_4242});
     * where that would pass {@value Username#MAX_LENGTH} characters, provider + {@code _} + the
     * base64url SHA-256 of the subject (43 characters), which is stable and fits with any provider name.
     */
    public Username username() {
        String plain = provider.value() + "_" + subject;
        return new Username(plain.length() <= Username.MAX_LENGTH ? plain : provider.value() + "_" + digest(subject));
    }

    private static String digest(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must implement SHA-256
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
