package dev.sociallogin.application.port.in;

/**
 * Rotates a refresh token: the presented one is retired and a new pair is issued in the same
 * family. Concurrent refreshes with one token rotate once; within the reuse grace the others get
 * that same successor refresh token (each with a fresh access token). The previous token after
 * the grace, or any older token, is reuse: the family is revoked and the call fails TOKEN_REUSED.
 */
public interface RefreshTokensUseCase {
    RefreshResult refresh(RefreshCommand command);
}
