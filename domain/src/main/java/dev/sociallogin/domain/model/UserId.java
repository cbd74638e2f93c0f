package dev.sociallogin.domain.model;

/** Database identity of a user; the {@code sub} claim of every token is its decimal form. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
    }

    /** Parses the decimal {@code sub} claim; anything else is an {@link IllegalArgumentException}. */
    public static UserId parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a user id");
        }
        return new UserId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
