package dev.sociallogin.domain.model;

/** A unique username, at most 64 characters (the origin design's column size). */
public record Username(String value) {

    public static final int MAX_LENGTH = 64;

    public Username {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("username must be 1-64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
