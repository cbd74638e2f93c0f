package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.TokenPair;
import dev.sociallogin.domain.model.User;
import java.util.Objects;

public record RefreshResult(User user, TokenPair tokens) {
    public RefreshResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokens, "tokens");
    }
}
