package dev.sociallogin.domain.model;

import java.util.UUID;

/** A rotation family: every refresh token descending from one login shares it. */
public record FamilyId(String value) {

    public FamilyId {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("family id must be 1-64 characters");
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
