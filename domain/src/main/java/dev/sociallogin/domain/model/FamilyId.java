package dev.sociallogin.domain.model;

import java.util.UUID;

/**
 * A rotation family, that is one session: every token descending from one login shares it (the
 * refresh tokens, and the access tokens issued with them). At most {@value #MAX_LENGTH} characters,
 * which leaves a store room to key a denied session by it next to token ids (64 characters).
 */
public record FamilyId(String value) {

    public static final int MAX_LENGTH = 56;

    public FamilyId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("family id must be 1-" + MAX_LENGTH + " characters");
        }
    }

    public static FamilyId random() {
        return new FamilyId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
