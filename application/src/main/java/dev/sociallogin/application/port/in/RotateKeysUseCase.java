package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.KeyRotation;
import java.util.List;

/**
 * The operator's {@code rotate-keys}: the next signing key of each use now, published at once and
 * signing after the publish-ahead time. Empty when rotation does not apply (HS256).
 */
public interface RotateKeysUseCase {
    List<KeyRotation> rotateKeys();
}
