package dev.sociallogin.domain.model;

/**
 * A signing key's id, the {@code kid} of the tokens it signs and of its published JWK: 1 to
 * {@value #MAX_LENGTH} characters of the base64url alphabet, so it is safe in a header, a URL and a log line.
 */
public record KeyId(String value) {

    public static final int MAX_LENGTH = 64;

    public KeyId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("key id must be 1-" + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                throw new IllegalArgumentException("key id must use the base64url alphabet");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
