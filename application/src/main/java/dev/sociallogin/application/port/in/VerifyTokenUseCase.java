package dev.sociallogin.application.port.in;

import dev.sociallogin.domain.model.TokenClaims;

/** Checks a token of either type: signature, claims, revocation, and that its user is active. */
public interface VerifyTokenUseCase {
    TokenClaims verify(VerifyTokenCommand command);
}
