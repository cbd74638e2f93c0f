package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.RotateKeysUseCase;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.port.out.SigningKeys;
import java.util.List;
import java.util.Objects;

/** Rotation on demand; the key ring decides the times, so a rotation by command and one by schedule agree. */
public final class RotateKeysService implements RotateKeysUseCase {

    private final SigningKeys keys;

    public RotateKeysService(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public List<KeyRotation> rotateKeys() {
        return keys.rotate();
    }
}
