package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs out in one of three scopes.
 * <ul>
 *   <li>{@code LOCAL} never fails because of tokens: missing, bad or expired ones are ignored. A
 *       decodable refresh token we stored ends its session (family revoked, the session's access
 *       tokens denied); a decodable access token is denied until it expires and ends the session
 *       it names. Only {@code STORAGE_UNAVAILABLE} can fail it.</li>
 *   <li>{@code OTHERS} needs a valid refresh token of an active user ({@code TOKEN_MISSING} without
 *       one; its expired / not valid / revoked error otherwise): it names this session, whose family
 *       is kept while every other family of the user is revoked and their access tokens denied.</li>
 *   <li>{@code GLOBAL} identifies the user by a valid, non-denied access token, or else by a valid
 *       refresh token ({@code TOKEN_MISSING} without either; when both fail, the access token's
 *       error), revokes every family of the user and every access token issued to the user up to
 *       this second (other devices' too: the user's sessions-revoked time, checked with the user on
 *       every access-token use).</li>
 * </ul>
 */
public final class LogoutService implements LogoutUseCase {

    private final UserRepository users;
    private final RefreshTokenStore refreshTokens;
    private final AccessTokenDenylist denylist;
    private final TokenCodec codec;
    private final TokenVerifier verifier;
    private final Sessions sessions;
    private final Clock clock;

    public LogoutService(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist,
                         TokenCodec codec, TokenPolicy policy, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.verifier = new TokenVerifier(users, refreshTokens, denylist, codec, policy.sessionMaxLifetime());
        this.sessions = new Sessions(refreshTokens, denylist, policy.accessTtl());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logout(LogoutCommand command) {
        Instant now = TokenIssuer.now(clock);
        switch (command.scope()) {
            case LOCAL -> local(command, now);
            case OTHERS -> others(command, now);
            case GLOBAL -> global(command, now);
            default -> throw new IllegalArgumentException("unknown scope");
        }
    }

    private void local(LogoutCommand command, Instant now) {
        decodeLeniently(command.refreshToken(), TokenType.REFRESH)
                .flatMap(claims -> refreshTokens.find(claims.id()).filter(stored -> stored.userId().equals(claims.subject())))
                .ifPresent(stored -> sessions.end(stored.family(), now));
        Optional<TokenClaims> access = decodeLeniently(command.accessToken(), TokenType.ACCESS);
        access.ifPresent(claims -> denylist.deny(claims.id(), claims.expiresAt()));
        // an access token names its session: without (or besides) a refresh token it still ends it
        access.flatMap(TokenClaims::optionalFamily).ifPresent(family -> sessions.end(family, now));
    }

    private void others(LogoutCommand command, Instant now) {
        if (TokenVerifier.isBlank(command.refreshToken())) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no refresh token");
        }
        TokenVerifier.VerifiedRefresh session = verifier.refresh(command.refreshToken(), now);
        sessions.endAllBut(session.user().id(), session.stored().family(), now);
    }

    private void global(LogoutCommand command, Instant now) {
        boolean hasAccess = !TokenVerifier.isBlank(command.accessToken());
        boolean hasRefresh = !TokenVerifier.isBlank(command.refreshToken());
        if (!hasAccess && !hasRefresh) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no token");
        }
        User user;
        TokenClaims access = null;
        if (hasAccess) {
            try {
                TokenVerifier.VerifiedAccess verified = verifier.access(command.accessToken());
                user = verified.user();
                access = verified.claims();
            } catch (DomainException accessError) {
                if (!hasRefresh || !isTokenError(accessError)) {
                    throw accessError;
                }
                user = userByRefresh(command.refreshToken(), now, accessError);
            }
        } else {
            user = verifier.refresh(command.refreshToken(), now).user();
        }
        refreshTokens.revokeFamiliesOfUser(user.id(), null, now);
        users.revokeSessions(user.id(), now);
        if (access != null) {
            denylist.deny(access.id(), access.expiresAt());
        }
    }

    private User userByRefresh(String refreshToken, Instant now, DomainException accessError) {
        try {
            return verifier.refresh(refreshToken, now).user();
        } catch (DomainException refreshError) {
            throw isTokenError(refreshError) ? accessError : refreshError;
        }
    }

    /** The claims of a token that decodes, or empty for a missing, bad or expired one. */
    private Optional<TokenClaims> decodeLeniently(String token, TokenType type) {
        if (TokenVerifier.isBlank(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(token, type));
        } catch (DomainException e) {
            if (!isTokenError(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static boolean isTokenError(DomainException e) {
        return switch (e.code()) {
            case TOKEN_MISSING, TOKEN_NOT_VALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_REUSED -> true;
            default -> false;
        };
    }
}
