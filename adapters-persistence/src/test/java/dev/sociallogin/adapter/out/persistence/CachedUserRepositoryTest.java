package dev.sociallogin.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import dev.sociallogin.testfixtures.fake.InMemoryUserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedUserRepositoryTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final InMemoryUserRepository database = new InMemoryUserRepository();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final CachedUserRepository cached = new CachedUserRepository(counting(database), nanos::get);

    @Test
    void givenRepeatedReads_findById_asksTheDatabaseOnceWhileTheRowIsFresh() {
        User user = register();

        for (int i = 0; i < 100; i++) {
            assertThat(cached.findById(user.id())).contains(user);
        }
        assertThat(reads.get()).isZero();
        assertThat(cached.findByIdentity(identity).map(User::id)).contains(user.id());
        assertThat(reads.get()).as("the identity's user is known").isZero();
    }

    @Test
    void givenAChangeElsewhere_findById_seesItOnceTheRowIsOlderThanOneSecond() {
        User user = register();
        assertThat(cached.findById(user.id()).orElseThrow().active()).isTrue();

        database.disable(user.id()); // another instance, or an operator, in the database

        nanos.addAndGet(CachedUserRepository.FRESH_FOR.minusMillis(1).toNanos());
        assertThat(cached.findById(user.id()).orElseThrow().active()).as("still within the second").isTrue();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cached.findById(user.id()).orElseThrow().active()).as("a second after it was read").isFalse();
    }

    @Test
    void givenAChangeHere_everyLookup_seesItAtOnce() {
        User user = register();
        cached.findById(user.id());

        cached.revokeSessions(user.id(), NOW);
        assertThat(cached.findById(user.id()).orElseThrow().sessionsRevokedAt()).isEqualTo(NOW);
        cached.recordLogin(user.id(), NOW.plusSeconds(5));
        assertThat(cached.findById(user.id()).orElseThrow().lastLogin()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void givenAnUnknownUser_findById_cachesNothing() {
        assertThat(cached.findById(new UserId(424242))).isEmpty();
        assertThat(cached.findById(new UserId(424242))).isEmpty();
        assertThat(reads.get()).isEqualTo(2);
    }

    private SocialIdentity identity;

    private User register() {
        dev.sociallogin.domain.model.ProviderProfile profile = TestProfiles.aKakaoProfile();
        identity = profile.identity();
        Registration registration = cached.register(NewUser.from(profile, NOW));
        reads.set(0);
        return registration.user();
    }

    private UserRepository counting(UserRepository inner) {
        return new UserRepository() {
            @Override
            public Optional<User> findById(UserId id) {
                reads.incrementAndGet();
                return inner.findById(id);
            }

            @Override
            public Optional<User> findByIdentity(SocialIdentity identity) {
                reads.incrementAndGet();
                return inner.findByIdentity(identity);
            }

            @Override
            public Registration register(NewUser newUser) {
                return inner.register(newUser);
            }

            @Override
            public void recordLogin(UserId id, Instant at) {
                inner.recordLogin(id, at);
            }

            @Override
            public void revokeSessions(UserId id, Instant at) {
                inner.revokeSessions(id, at);
            }
        };
    }
}
