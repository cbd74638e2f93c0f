package dev.sociallogin.domain.model;

import java.time.Instant;
import java.util.Objects;

/** What registration stores for a first login; the repository assigns the id. */
public record NewUser(SocialIdentity identity, Email email, Nickname nickname, long property, Instant joinedAt) {

    public NewUser {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** A first login from a provider profile: username from the identity, the initial property. */
    public static NewUser from(ProviderProfile profile, Instant now) {
        return new NewUser(profile.identity(), profile.verifiedEmail().orElse(null), profile.nickname(), User.INITIAL_PROPERTY, now);
    }

    public Username username() {
        return identity.username();
    }
}
