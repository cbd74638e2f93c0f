package dev.sociallogin.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.builder.TestIds;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UserRepository} promises. An implementation's test extends this class
 * and supplies the instance under test. Every test uses unique identities, so the contract can run
 * against a database shared with parallel runs; times are whole seconds (all a column promises).
 */
public abstract class UserRepositoryContract {

    /** The repository under test; called at the start of every test and from racing threads. */
    protected abstract UserRepository repository();

    /** The current time for this test, in whole seconds. Override to pin it. */
    protected Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** How many threads race to register one identity. */
    protected int racingThreads() {
        return 20;
    }

    @Test
    void givenNewIdentity_register_createsActiveUserWithEveryField() {
        UserRepository repository = repository();
        Instant now = now();
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        NewUser newUser = NewUser.from(profile, now);

        Registration registration = repository.register(newUser);

        assertThat(registration.created()).isTrue();
        User user = registration.user();
        assertThat(user.username().value()).isEqualTo("kakao_" + profile.identity().subject());
        assertThat(user.email()).isEqualTo(profile.email());
        assertThat(user.nickname()).isEqualTo(profile.nickname());
        assertThat(user.property()).isEqualTo(User.INITIAL_PROPERTY);
        assertThat(user.dateJoined()).isEqualTo(now);
        assertThat(user.lastLogin()).isNull();
        assertThat(user.active()).isTrue();
    }

    @Test
    void givenRegisteredUser_findByIdAndFindByIdentity_returnTheSameUser() {
        UserRepository repository = repository();
        NewUser newUser = NewUser.from(TestProfiles.aKakaoProfile(), now());
        User registered = repository.register(newUser).user();

        assertThat(repository.findById(registered.id())).contains(registered);
        assertThat(repository.findByIdentity(newUser.identity())).contains(registered);
    }

    @Test
    void givenUnknownIdentityOrId_find_returnsEmpty() {
        UserRepository repository = repository();

        assertThat(repository.findByIdentity(new SocialIdentity(ProviderName.KAKAO, TestIds.uniqueSubject()))).isEmpty();
        assertThat(repository.findById(new UserId(Long.MAX_VALUE - 7))).isEmpty();
    }

    @Test
    void givenUserWithoutEmail_register_storesNoEmail() {
        UserRepository repository = repository();
        NewUser newUser = NewUser.from(TestProfiles.aKakaoProfileWithUnverifiedEmail(), now());

        User user = repository.register(newUser).user();

        assertThat(user.email()).isNull();
        assertThat(repository.findById(user.id()).orElseThrow().email()).isNull();
    }

    @Test
    void givenNicknameOf32CodePointsWithEmoji_register_keepsItWhole() {
        UserRepository repository = repository();
        String subject = TestIds.uniqueSubject();
        // 30 Hangul syllables and 2 emoji outside the BMP: 32 code points, 34 chars
        Nickname nickname = new Nickname("가".repeat(30) + "😀🎉");
        NewUser newUser = new NewUser(new SocialIdentity(ProviderName.KAKAO, subject), new Email(subject + "@example.test"),
                nickname, User.INITIAL_PROPERTY, now());

        User user = repository.register(newUser).user();

        assertThat(repository.findById(user.id()).orElseThrow().nickname()).isEqualTo(nickname);
    }

    @Test
    void givenSameSubjectAtTwoProviders_register_createsTwoUsers() {
        UserRepository repository = repository();
        String subject = TestIds.uniqueSubject();
        Instant now = now();

        User kakao = repository.register(NewUser.from(TestProfiles.aProfile(ProviderName.KAKAO, subject), now)).user();
        User other = repository.register(NewUser.from(TestProfiles.aProfile(new ProviderName("naver"), subject), now)).user();

        assertThat(other.id()).isNotEqualTo(kakao.id());
        assertThat(other.username().value()).isEqualTo("naver_" + subject);
    }

    @Test
    void givenOidcSubjectsOf255Characters_register_keepsEachWholeAndApart() {
        UserRepository repository = repository();
        ProviderName acme = new ProviderName("acme");
        // an OpenID Connect sub may be 255 characters of any visible ASCII; two differ only at the end
        String stem = "auth0|" + TestIds.uniqueSubject() + "|";
        String first = stem + "x".repeat(255 - stem.length());
        String second = first.substring(0, 254) + "y";
        Instant now = now();

        User one = repository.register(NewUser.from(TestProfiles.aProfile(acme, first), now)).user();
        User two = repository.register(NewUser.from(TestProfiles.aProfile(acme, second), now)).user();

        assertThat(two.id()).isNotEqualTo(one.id());
        assertThat(one.username().value()).startsWith("acme_").hasSize("acme_".length() + 43);
        assertThat(repository.findByIdentity(new SocialIdentity(acme, first))).map(User::id).contains(one.id());
        assertThat(repository.findByIdentity(new SocialIdentity(acme, second))).map(User::id).contains(two.id());
    }

    @Test
    void givenRegisteredIdentity_registerAgain_returnsExistingUserNotCreated() {
        UserRepository repository = repository();
        Instant now = now();
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        User first = repository.register(NewUser.from(profile, now)).user();
        ProviderProfile renamed = new ProviderProfile(profile.identity(), profile.email(), true, Nickname.of("renamed"));

        Registration again = repository.register(NewUser.from(renamed, now.plusSeconds(60)));

        assertThat(again.created()).isFalse();
        assertThat(again.user()).isEqualTo(first);
    }

    @Test
    void givenRegisteredUser_recordLogin_setsLastLogin() {
        UserRepository repository = repository();
        Instant now = now();
        User user = repository.register(NewUser.from(TestProfiles.aKakaoProfile(), now)).user();
        Instant login = now.plus(Duration.ofMinutes(5));

        repository.recordLogin(user.id(), login);

        User reloaded = repository.findById(user.id()).orElseThrow();
        assertThat(reloaded.lastLogin()).isEqualTo(login);
        assertThat(reloaded).isEqualTo(user.withLastLogin(login));
        Instant later = login.plus(Duration.ofHours(1));
        repository.recordLogin(user.id(), later);
        assertThat(repository.findByIdentity(new SocialIdentity(ProviderName.KAKAO,
                user.username().value().substring("kakao_".length()))).orElseThrow().lastLogin()).isEqualTo(later);
    }

    @Test
    void givenRegisteredUser_revokeSessions_isSeenByEveryLookupAndNeverMovesBack() {
        UserRepository repository = repository();
        Instant now = now();
        User user = repository.register(NewUser.from(TestProfiles.aKakaoProfile(), now)).user();
        assertThat(user.sessionsRevokedAt()).isNull();
        Instant logout = now.plus(Duration.ofMinutes(10));

        repository.revokeSessions(user.id(), logout);

        User reloaded = repository.findById(user.id()).orElseThrow();
        assertThat(reloaded.sessionsRevokedAt()).isEqualTo(logout);
        assertThat(repository.findByIdentity(new SocialIdentity(ProviderName.KAKAO,
                user.username().value().substring("kakao_".length()))).orElseThrow().sessionsRevokedAt()).isEqualTo(logout);
        // the rest of the user is untouched
        assertThat(reloaded.withLastLogin(now)).isEqualTo(new User(user.id(), user.username(), user.email(), user.nickname(),
                user.property(), now, user.dateJoined(), true, logout));

        repository.revokeSessions(user.id(), logout.minus(Duration.ofMinutes(5)));
        assertThat(repository.findById(user.id()).orElseThrow().sessionsRevokedAt()).as("an earlier logout").isEqualTo(logout);
        Instant later = logout.plus(Duration.ofHours(1));
        repository.revokeSessions(user.id(), later);
        assertThat(repository.findById(user.id()).orElseThrow().sessionsRevokedAt()).isEqualTo(later);
        repository.recordLogin(user.id(), later.plusSeconds(5));
        assertThat(repository.findById(user.id()).orElseThrow().sessionsRevokedAt()).as("kept by a later login").isEqualTo(later);
    }

    @Test
    void givenUnknownUser_revokeSessions_changesNothing() {
        UserRepository repository = repository();
        UserId unknown = new UserId(Long.MAX_VALUE - 7);
        repository.revokeSessions(unknown, now());
        assertThat(repository.findById(unknown)).isEmpty();
    }

    @Test
    void givenManyThreadsRegisteringOneIdentity_register_createsExactlyOneUser() {
        UserRepository repository = repository();
        NewUser newUser = NewUser.from(TestProfiles.aKakaoProfile(), now());

        List<Racing.Outcome<Registration>> outcomes = Racing.race(racingThreads(), i -> () -> repository.register(newUser));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        Set<UserId> ids = outcomes.stream().map(o -> o.value().user().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.value().created()).count()).isEqualTo(1);
        assertThat(repository.findByIdentity(newUser.identity()).orElseThrow().id()).isEqualTo(ids.iterator().next());
    }
}
