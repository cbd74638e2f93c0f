package dev.sociallogin.domain.model;

import java.util.Objects;

/** The user a login resolved to, and whether this login registered them. */
public record Registration(User user, boolean created) {

    public Registration {
        Objects.requireNonNull(user, "user");
    }
}
