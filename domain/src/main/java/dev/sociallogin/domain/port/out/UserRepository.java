package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/** Users and their social identities. Failures of the store surface as {@code STORAGE_UNAVAILABLE}. */
public interface UserRepository {

    Optional<User> findById(UserId id);

    Optional<User> findByIdentity(SocialIdentity identity);

    /**
     * Stores the user and its identity in one transaction. When the identity is already registered
     * (also by a concurrent call that won the race) it returns that user with {@code created=false}:
     * exactly one user per provider account.
     */
    Registration register(NewUser newUser);

    /** Sets {@code lastLogin}. */
    void recordLogin(UserId id, Instant at);

    /**
     * Global logout: stamps the user's sessions as revoked at the second {@code at}
     * ({@link User#sessionsRevokedFor} says which access tokens that revokes). Never moves back: an
     * earlier {@code at} than the stored one changes nothing. An unknown id changes nothing.
     */
    void revokeSessions(UserId id, Instant at);
}
