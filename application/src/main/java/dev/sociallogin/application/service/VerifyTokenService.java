package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import java.util.Objects;

/**
 * Verifies a token of either type and returns its claims. No token: {@code TOKEN_MISSING}; the
 * codec's errors propagate. An access token that is denied: {@code TOKEN_REVOKED}. A refresh token
 * we never stored: {@code TOKEN_NOT_VALID}; rotated or revoked: {@code TOKEN_REVOKED} (verifying
 * never counts as reuse and never revokes anything); past its session's lifetime:
 * {@code TOKEN_EXPIRED}. Either type whose user is gone or disabled: {@code TOKEN_NOT_VALID}.
 */
public final class VerifyTokenService implements VerifyTokenUseCase {

    private final AuthCore core;

    public VerifyTokenService(AuthCore core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public TokenClaims verify(VerifyTokenCommand command) {
        if (TokenVerifier.isBlank(command.token())) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no token");
        }
        TokenClaims claims = core.codec.decodeAny(command.token());
        if (claims.type() == TokenType.ACCESS) {
            core.verifier.checkAccess(claims);
        } else {
            core.verifier.checkRefresh(claims, TokenIssuer.now(core.clock));
        }
        return claims;
    }
}
