package dev.sociallogin.domain.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Name of an identity provider as it appears in routes and usernames: {@code kakao}, {@code naver}, a
 * configured OpenID Connect provider's name. The contract's shape: {@code [a-z][a-z0-9]{0,19}}.
 */
public record ProviderName(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]{0,19}");

    public static final ProviderName KAKAO = new ProviderName("kakao");

    public ProviderName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("provider name must be a lowercase letter followed by up to 19 lowercase letters or digits");
        }
    }

    /** A route segment read leniently (case-insensitive); empty when it cannot be a provider name. */
    public static Optional<ProviderName> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return SHAPE.matcher(lower).matches() ? Optional.of(new ProviderName(lower)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
