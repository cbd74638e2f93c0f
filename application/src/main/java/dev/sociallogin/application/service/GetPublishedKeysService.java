package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.GetPublishedKeysUseCase;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.port.out.SigningKeys;
import java.util.Objects;

/** Answers from the token adapter's key ring, which is held in memory: no storage call per request. */
public final class GetPublishedKeysService implements GetPublishedKeysUseCase {

    private final SigningKeys keys;

    public GetPublishedKeysService(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public PublishedKeys publishedKeys() {
        return keys.published();
    }
}
