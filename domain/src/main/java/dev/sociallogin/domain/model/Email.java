package dev.sociallogin.domain.model;

import java.util.regex.Pattern;

/** An email address as the provider gave it, kept only when the provider vouches for it. */
public record Email(String value) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    /** True when {@code text} would make a valid {@link Email}. */
    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
