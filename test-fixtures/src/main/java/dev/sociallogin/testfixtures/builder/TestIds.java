package dev.sociallogin.testfixtures.builder;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique random identifiers. Tests share one database with parallel runs, so every test makes its
 * own provider subjects, token ids and families instead of reusing constants.
 */
public final class TestIds {

    private TestIds() {
    }

    /** A provider subject no other test uses: 18 random digits, like a Kakao user id but wider. */
    public static String uniqueSubject() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
    }

    public static TokenId tokenId() {
        return TokenId.random();
    }

    public static FamilyId familyId() {
        return FamilyId.random();
    }

    /** A random string of letters and digits, for codes and provider access tokens. */
    public static String randomText(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
