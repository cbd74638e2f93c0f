package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Verifies a token of either type and returns its claims. No token: {@code TOKEN_MISSING}; the
 * codec's errors propagate. An access token that is denied: {@code TOKEN_REVOKED}. A refresh token
 * we never stored: {@code TOKEN_NOT_VALID}; rotated or revoked: {@code TOKEN_REVOKED} (verifying
 * never counts as reuse and never revokes anything); past its session's lifetime:
 * {@code TOKEN_EXPIRED}. Either type whose user is gone or disabled: {@code TOKEN_NOT_VALID}.
 */
public final class VerifyTokenService implements VerifyTokenUseCase {

    private final TokenCodec codec;
    private final TokenVerifier verifier;
    private final Clock clock;

    public VerifyTokenService(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist,
                              TokenCodec codec, TokenPolicy policy, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.verifier = new TokenVerifier(users, refreshTokens, denylist, codec, policy.sessionMaxLifetime());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenClaims verify(VerifyTokenCommand command) {
        if (TokenVerifier.isBlank(command.token())) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no token");
        }
        TokenClaims claims = codec.decodeAny(command.token());
        if (claims.type() == TokenType.ACCESS) {
            verifier.checkAccess(claims);
        } else {
            verifier.checkRefresh(claims, TokenIssuer.now(clock));
        }
        return claims;
    }
}
