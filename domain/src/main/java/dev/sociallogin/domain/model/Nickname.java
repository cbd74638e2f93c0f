package dev.sociallogin.domain.model;

/**
 * A display name of at most 32 code points. Longer input is cut at a code point boundary, so a
 * surrogate pair (an emoji) is never split; blank input becomes a neutral default.
 */
public record Nickname(String value) {

    public static final int MAX_CODE_POINTS = 32;
    public static final String DEFAULT = "user";

    public Nickname {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("nickname must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("nickname must be at most 32 code points");
        }
    }

    /** Cuts {@code raw} to 32 whole code points, stripping surrounding whitespace; blank: the default. */
    public static Nickname of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Nickname(DEFAULT);
        }
        String text = raw.strip();
        int count = text.codePointCount(0, text.length());
        if (count > MAX_CODE_POINTS) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)).strip();
        }
        return text.isEmpty() ? new Nickname(DEFAULT) : new Nickname(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
