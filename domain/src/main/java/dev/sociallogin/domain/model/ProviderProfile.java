package dev.sociallogin.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a provider tells us about the person logging in.
 *
 * @param email         the address the provider gave, or {@code null}
 * @param emailVerified whether the provider vouches that the address is verified and still theirs
 */
public record ProviderProfile(SocialIdentity identity, Email email, boolean emailVerified, Nickname nickname) {

    public ProviderProfile {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(nickname, "nickname");
    }

    /** The email only when the provider vouches for it; an unverified address is never stored. */
    public Optional<Email> verifiedEmail() {
        return emailVerified ? Optional.ofNullable(email) : Optional.empty();
    }
}
