package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Unique identifiers per test, so runs sharing one database never collide. */
final class TestData {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private TestData() {
    }

    static SocialIdentity anIdentity() {
        return new SocialIdentity(ProviderName.KAKAO, "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    }

    static NewUser aNewUser(SocialIdentity identity) {
        return new NewUser(identity, new Email("someone@example.com"), Nickname.of("tester"), User.INITIAL_PROPERTY, T0);
    }

    static UserId aUserId() {
        return new UserId(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
    }

    /** The first token of a new family, issued at {@code issuedAt} and living {@code ttl}. */
    static StoredRefreshToken aFirstToken(UserId user, Instant issuedAt, Duration ttl) {
        return new StoredRefreshToken(TokenId.random(), FamilyId.random(), user, issuedAt, issuedAt.plus(ttl), issuedAt, null, null, null);
    }

    static StoredRefreshToken aSuccessor(StoredRefreshToken previous, Instant issuedAt, Duration ttl) {
        return new StoredRefreshToken(TokenId.random(), previous.family(), previous.userId(), issuedAt, issuedAt.plus(ttl),
                previous.familyStartedAt(), null, null, null);
    }
}
