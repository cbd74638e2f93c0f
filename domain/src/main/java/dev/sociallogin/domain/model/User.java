package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. Social users have no password at all: the origin design gave every social
 * user the same "temp_password", which made any password login a shared back door.
 *
 * @param email     the provider-verified address, or {@code null} when the provider gave none
 * @param lastLogin {@code null} until the first login completes
 */
public record User(
        UserId id,
        Username username,
        Email email,
        Nickname nickname,
        long property,
        Instant lastLogin,
        Instant dateJoined,
        boolean active) {

    /** Every new user starts with this much {@code property}, as in the origin design. */
    public static final long INITIAL_PROPERTY = 3_000_000L;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(dateJoined, "dateJoined");
        if (property < 0) {
            throw new IllegalArgumentException("property must not be negative");
        }
    }

    public Optional<Email> optionalEmail() {
        return Optional.ofNullable(email);
    }

    public Optional<Instant> optionalLastLogin() {
        return Optional.ofNullable(lastLogin);
    }

    public User withLastLogin(Instant at) {
        return new User(id, username, email, nickname, property, Objects.requireNonNull(at, "at"), dateJoined, active);
    }
}
