package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. Social users have no password at all: the origin design gave every social
 * user the same "temp_password", which made any password login a shared back door.
 *
 * @param email             the provider-verified address, or {@code null} when the provider gave none
 * @param property          the user's assets ("유저 자산" in the origin design, a virtual balance for the
 *                          application built on this service): a non-negative amount, {@value #INITIAL_PROPERTY}
 *                          at registration; this service stores and returns it and never changes it
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
     * Whether the user's last global logout revokes this access token. A token issued in an earlier
     * second is revoked. Token times are whole seconds, so the logout's own second cannot be split
     * by {@code iat}: a token of that second that names its session is left to that session's
     * denial (a global logout denies every session it ends, and a session started after it is not
     * among them), so a login right after a global logout works; a token naming no session (issued
     * before access tokens named one) is revoked, the safe side.
     */
    public boolean sessionsRevokedFor(TokenClaims access) {
        if (sessionsRevokedAt == null) {
            return false;
        }
        return access.family() == null ? !access.issuedAt().isAfter(sessionsRevokedAt) : access.issuedAt().isBefore(sessionsRevokedAt);
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
