package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. Social users have no password at all: the origin design gave every social
 * user the same "temp_password", which made any password login a shared back door.
 *
 * @param email             the provider-verified address, or {@code null} when the provider gave none
 * @param lastLogin         {@code null} until the first login completes
 * @param sessionsRevokedAt the second of the user's last global logout, or {@code null}: every access
 *                          token issued up to and including that second is revoked
 */
public record User(
        UserId id,
        Username username,
        Email email,
        Nickname nickname,
        long property,
        Instant lastLogin,
        Instant dateJoined,
        boolean active,
        Instant sessionsRevokedAt) {

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

    /** A new user as registration stores it: no login yet, active, no sessions revoked. */
    public static User registered(UserId id, NewUser newUser) {
        return new User(id, newUser.username(), newUser.email(), newUser.nickname(), newUser.property(), null,
                newUser.joinedAt(), true, null);
    }

    /**
     * Whether a token issued at {@code issuedAt} (whole seconds) predates the last global logout. A
     * token issued in the logout's own second counts as before it: token times are whole seconds, so
     * that second cannot be split, and revoking too much is the safe side (a new session's access
     * token of that second is refused once; refreshing in a later second gives a good one).
     */
    public boolean sessionsRevokedSince(Instant issuedAt) {
        return sessionsRevokedAt != null && !issuedAt.isAfter(sessionsRevokedAt);
    }

    public Optional<Email> optionalEmail() {
        return Optional.ofNullable(email);
    }

    public Optional<Instant> optionalLastLogin() {
        return Optional.ofNullable(lastLogin);
    }

    /** The same user with its sessions revoked up to {@code at}. */
    public User withSessionsRevokedAt(Instant at) {
        return new User(id, username, email, nickname, property, lastLogin, dateJoined, active, Objects.requireNonNull(at, "at"));
    }

    public User withLastLogin(Instant at) {
        return new User(id, username, email, nickname, property, Objects.requireNonNull(at, "at"), dateJoined, active,
                sessionsRevokedAt);
    }
}
