package dev.sociallogin.testfixtures.builder;

import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/** Users and registrations for tests; every identity is unique. Times are whole seconds. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A registration of a new Kakao identity (verified email, nickname) joining at the current second. */
    public static NewUser aNewKakaoUser() {
        return aNewKakaoUser(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static NewUser aNewKakaoUser(Instant joinedAt) {
        return NewUser.from(TestProfiles.aKakaoProfile(), joinedAt);
    }

    /** The registration a login with {@code profile} would store. */
    public static NewUser aNewUser(ProviderProfile profile, Instant joinedAt) {
        return NewUser.from(profile, joinedAt);
    }

    /** A registered, active Kakao user with a random id who has never logged in. */
    public static User aKakaoUser() {
        return registered(aNewKakaoUser(), randomId());
    }

    /** The same user, disabled by an operator. */
    public static User disabled(User user) {
        return new User(user.id(), user.username(), user.email(), user.nickname(), user.property(), user.lastLogin(),
                user.dateJoined(), false, user.sessionsRevokedAt());
    }

    /** {@code newUser} as a repository would return it after registration under {@code id}. */
    public static User registered(NewUser newUser, UserId id) {
        return User.registered(id, newUser);
    }

    /** A random positive user id (for stores that do not check that the user exists). */
    public static UserId randomId() {
        return new UserId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }
}
