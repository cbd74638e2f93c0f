package dev.sociallogin.testfixtures.builder;

import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;

/** Provider profiles as an identity provider would answer them; each call a new unique identity. */
public final class TestProfiles {

    private TestProfiles() {
    }

    /** A Kakao profile with a unique subject, a verified email and a nickname. */
    public static ProviderProfile aKakaoProfile() {
        return aKakaoProfile(TestIds.uniqueSubject());
    }

    public static ProviderProfile aKakaoProfile(String subject) {
        return aProfile(ProviderName.KAKAO, subject);
    }

    /** A profile of {@code provider} with a verified email {@code <subject>@example.test} (none where that is no address). */
    public static ProviderProfile aProfile(ProviderName provider, String subject) {
        String email = subject + "@example.test";
        return new ProviderProfile(new SocialIdentity(provider, subject), Email.isValid(email) ? new Email(email) : null, true,
                Nickname.of("nick " + subject));
    }

    /** A Kakao profile whose email the provider does not vouch for (it must never be stored). */
    public static ProviderProfile aKakaoProfileWithUnverifiedEmail() {
        String subject = TestIds.uniqueSubject();
        return new ProviderProfile(new SocialIdentity(ProviderName.KAKAO, subject), new Email(subject + "@example.test"), false,
                Nickname.of("nick " + subject));
    }

    /** A Kakao profile without any email. */
    public static ProviderProfile aKakaoProfileWithoutEmail() {
        String subject = TestIds.uniqueSubject();
        return new ProviderProfile(new SocialIdentity(ProviderName.KAKAO, subject), null, false, Nickname.of("nick " + subject));
    }
}
