package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.TokenPair;
import dev.sociallogin.domain.model.User;
import java.util.Objects;

/** @param registered whether this login created the user */
public record LoginResult(User user, boolean registered, TokenPair tokens) {
    public LoginResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokens, "tokens");
    }
}
