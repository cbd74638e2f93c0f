package dev.sociallogin.application.service;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks that a token is usable right now, beyond what the codec checks: an access token not
 * denied, its session not ended and not revoked by its user's last global logout; a refresh token
 * stored, neither rotated nor revoked and within its session; and in both cases a user who exists,
 * is active and still carries the token's {@code username} (ids are never reused, but a token must
 * never answer for another account even if one were).
 */
final class TokenVerifier {

    /** A usable access token and its user. */
    record VerifiedAccess(TokenClaims claims, User user) {
    }

    /** A usable refresh token: its claims, its stored state, its user. */
    record VerifiedRefresh(TokenClaims claims, StoredRefreshToken stored, User user) {
    }

    private final UserRepository users;
    private final RefreshTokenStore refreshTokens;
    private final AccessTokenDenylist denylist;
    private final TokenCodec codec;
    private final TokenIssuer issuer;

    TokenVerifier(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, TokenCodec codec,
                  TokenIssuer issuer) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
        this.codec = codec;
        this.issuer = issuer;
    }

    static boolean isBlank(String token) {
        return token == null || token.isBlank();
    }

    VerifiedAccess access(String token) {
        return checkAccess(codec.decode(token, TokenType.ACCESS));
    }

    VerifiedAccess checkAccess(TokenClaims claims) {
        if (denylist.isDenied(claims.id())) {
            throw new DomainException(ErrorCode.TOKEN_REVOKED, "access token revoked");
        }
        if (claims.family() != null && denylist.isSessionDenied(claims.family())) {
            throw new DomainException(ErrorCode.TOKEN_REVOKED, "access token of an ended session");
        }
        User user = activeUser(claims);
        if (user.sessionsRevokedFor(claims)) {
            throw new DomainException(ErrorCode.TOKEN_REVOKED, "access token issued before a global logout");
        }
        return new VerifiedAccess(claims, user);
    }

    VerifiedRefresh refresh(String token, Instant now) {
        return checkRefresh(codec.decode(token, TokenType.REFRESH), now);
    }

    VerifiedRefresh checkRefresh(TokenClaims claims, Instant now) {
        StoredRefreshToken stored = storedFor(claims);
        if (stored.isRotated() || stored.isRevoked()) {
            throw new DomainException(ErrorCode.TOKEN_REVOKED, "refresh token revoked");
        }
        if (!now.isBefore(issuer.sessionEnd(stored))) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "session lifetime over");
        }
        return new VerifiedRefresh(claims, stored, activeUser(claims));
    }

    /** The stored record of a decoded refresh token; unknown or not matching its claims: not valid. */
    StoredRefreshToken storedFor(TokenClaims claims) {
        Optional<StoredRefreshToken> stored = refreshTokens.find(claims.id());
        if (stored.isEmpty() || !stored.get().userId().equals(claims.subject())
                || !stored.get().family().equals(claims.family())) {
            throw new DomainException(ErrorCode.TOKEN_NOT_VALID, "refresh token unknown");
        }
        return stored.get();
    }

    /** The user a token was issued to: missing, disabled or under another username makes the token not valid. */
    User activeUser(TokenClaims claims) {
        return users.findById(claims.subject())
                .filter(User::active)
                .filter(user -> user.username().equals(claims.username()))
                .orElseThrow(() -> new DomainException(ErrorCode.TOKEN_NOT_VALID, "user missing, disabled or not the token's"));
    }
}
