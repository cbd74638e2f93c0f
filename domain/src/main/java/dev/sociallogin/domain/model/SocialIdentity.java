package dev.sociallogin.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A user's account at a provider: the provider and the provider's stable subject id. */
public record SocialIdentity(ProviderName provider, String subject) {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    public SocialIdentity {
        Objects.requireNonNull(provider, "provider");
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("provider subject must be 1-64 characters of [A-Za-z0-9_.-]");
        }
    }

    /** The username this identity registers under: provider + {@code _} + subject ({@code kakao_4242}). */
    public Username username() {
        return new Username(provider.value() + "_" + subject);
    }
}
