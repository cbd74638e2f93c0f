package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.TokenPair;
import dev.sociallogin.domain.model.User;
import java.util.Objects;
import java.util.Optional;

/** @param refreshed the new pair when the call rotated silently, else {@code null} */
public record CurrentUser(User user, TokenPair refreshed) {
    public CurrentUser {
        Objects.requireNonNull(user, "user");
    }

    public Optional<TokenPair> optionalRefreshed() {
        return Optional.ofNullable(refreshed);
    }
}
