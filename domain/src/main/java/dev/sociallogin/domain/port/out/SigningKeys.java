package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKeys;
import java.util.List;

/** The token adapter's key ring as the core sees it: what it publishes, and rotation on demand. */
public interface SigningKeys {

    /** The public keys and metadata resource servers verify access tokens with (never a private part). */
    PublishedKeys published();

    /**
     * Creates the next key of each use now: published at once, signing after the publish-ahead time.
     * Empty when rotation does not apply (HS256 with a configured or generated secret).
     */
    List<KeyRotation> rotate();
}
