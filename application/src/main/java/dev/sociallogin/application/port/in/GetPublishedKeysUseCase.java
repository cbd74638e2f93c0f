package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.PublishedKeys;

/**
 * The public keys that verify our access tokens, and the metadata resource servers discover them by
 * ({@code /.well-known/jwks.json}, {@code /.well-known/openid-configuration}).
 */
public interface GetPublishedKeysUseCase {
    PublishedKeys publishedKeys();
}
