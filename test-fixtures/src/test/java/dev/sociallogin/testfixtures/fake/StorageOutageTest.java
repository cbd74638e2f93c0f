package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.testfixtures.builder.TestRefreshTokens;
import dev.sociallogin.testfixtures.builder.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StorageOutageTest {

    private final StorageOutage outage = new StorageOutage();
    private final InMemoryUserRepository users = new InMemoryUserRepository(outage);
    private final InMemoryRefreshTokenStore tokens = new InMemoryRefreshTokenStore(outage);
    private final InMemoryAccessTokenDenylist denylist = new InMemoryAccessTokenDenylist(outage);
    private final FakeStorageHealth health = new FakeStorageHealth(outage);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void givenOutage_everyStorageMethod_throwsStorageUnavailable() {
        UserId user = users.register(TestUsers.aNewKakaoUser()).user().id();
        StoredRefreshToken token = TestRefreshTokens.firstOfNewFamily(user, now);
        tokens.saveNewFamily(token);
        outage.begin();

        List<ThrowingCallable> calls = List.of(
                () -> users.findById(user),
                () -> users.findByIdentity(new SocialIdentity(ProviderName.KAKAO, "1")),
                () -> users.register(TestUsers.aNewKakaoUser()),
                () -> users.recordLogin(user, now),
                () -> tokens.saveNewFamily(TestRefreshTokens.firstOfNewFamily(user, now)),
                () -> tokens.find(token.id()),
                () -> tokens.rotate(token.id(), TestRefreshTokens.successorOf(token, now), now),
                () -> tokens.revokeFamily(token.family(), now),
                () -> tokens.revokeFamiliesOfUser(user, (FamilyId) null, now),
                () -> tokens.purgeExpired(now),
                () -> denylist.deny(TokenId.random(), now),
                () -> denylist.isDenied(TokenId.random()),
                () -> denylist.purgeExpired(now));

        assertThat(health.isAvailable()).isFalse();
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
        }
        assertThat(tokens.size()).as("nothing changed during the outage").isEqualTo(1);
    }

    @Test
    void givenOutageEnded_storage_answersAgain() {
        UserId user = users.register(TestUsers.aNewKakaoUser()).user().id();
        outage.begin();
        outage.end();

        assertThat(health.isAvailable()).isTrue();
        assertThat(users.findById(user)).isPresent();
    }
}
