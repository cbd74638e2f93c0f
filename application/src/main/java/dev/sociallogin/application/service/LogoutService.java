package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
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
 *   <li>{@code OTHERS} and {@code GLOBAL} need a token that identifies the user and this session: a
 *       valid, non-denied access token, or else a valid refresh token ({@code TOKEN_MISSING} without
 *       either; when both fail, the access token's error; a presented but malformed token is
 *       {@code TOKEN_NOT_VALID}, never "missing").
 *       {@code OTHERS} ends every other session of the user and keeps this one (the session the
 *       refresh token belongs to or the access token names).
 *       {@code GLOBAL} ends every session of the user, denies the presented access token, and stamps
 *       the user's sessions as revoked now, so that access tokens issued before this second are
 *       refused at once on every instance ({@code User#sessionsRevokedFor}); those of this very
 *       second are refused through their ended session, and a login after the logout is not.</li>
 * </ul>
 */
public final class LogoutService implements LogoutUseCase {

    /** Who asked to log out: the user, the session the request belongs to, the access token presented. */
    private record Caller(User user, FamilyId session, TokenClaims access) {
    }

    private final AuthCore core;

    public LogoutService(AuthCore core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public void logout(LogoutCommand command) {
        Instant now = TokenIssuer.now(core.clock);
        switch (command.scope()) {
            case LOCAL -> local(command, now);
            case OTHERS -> {
                Caller caller = caller(command, now);
                if (caller.session() == null) {
                    // an access token from before tokens named their session cannot say which one to keep
                    throw new DomainException(ErrorCode.TOKEN_NOT_VALID, "access token names no session");
                }
                core.sessions.endAllBut(caller.user().id(), caller.session(), now);
            }
            case GLOBAL -> {
                Caller caller = caller(command, now);
                core.sessions.endAllBut(caller.user().id(), null, now);
                core.users.revokeSessions(caller.user().id(), now);
                if (caller.access() != null) {
                    core.denylist.deny(caller.access().id(), caller.access().expiresAt());
                }
            }
        }
    }

    private void local(LogoutCommand command, Instant now) {
        decodeLeniently(command.refreshToken(), TokenType.REFRESH)
                .flatMap(claims -> core.refreshTokens.find(claims.id()).filter(stored -> stored.userId().equals(claims.subject())))
                .ifPresent(stored -> core.sessions.end(stored.family(), now));
        Optional<TokenClaims> access = decodeLeniently(command.accessToken(), TokenType.ACCESS);
        access.ifPresent(claims -> core.denylist.deny(claims.id(), claims.expiresAt()));
        // an access token names its session: without (or besides) a refresh token it still ends it
        access.flatMap(TokenClaims::optionalFamily).ifPresent(family -> core.sessions.end(family, now));
    }

    /** The caller by its access token, or else by its refresh token; when both fail, the access token's error. */
    private Caller caller(LogoutCommand command, Instant now) {
        boolean hasAccess = !TokenVerifier.isBlank(command.accessToken());
        boolean hasRefresh = !TokenVerifier.isBlank(command.refreshToken());
        if (!hasAccess && !hasRefresh) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no token");
        }
        if (!hasAccess) {
            return byRefresh(command.refreshToken(), now);
        }
        try {
            TokenVerifier.VerifiedAccess verified = core.verifier.access(command.accessToken());
            return new Caller(verified.user(), verified.claims().family(), verified.claims());
        } catch (DomainException accessError) {
            if (!hasRefresh || !isTokenError(accessError)) {
                throw accessError;
            }
            try {
                return byRefresh(command.refreshToken(), now);
            } catch (DomainException refreshError) {
                throw isTokenError(refreshError) ? accessError : refreshError;
            }
        }
    }

    private Caller byRefresh(String refreshToken, Instant now) {
        TokenVerifier.VerifiedRefresh verified = core.verifier.refresh(refreshToken, now);
        return new Caller(verified.user(), verified.stored().family(), null);
    }

    /** The claims of a token that decodes, or empty for a missing, bad or expired one. */
    private Optional<TokenClaims> decodeLeniently(String token, TokenType type) {
        if (TokenVerifier.isBlank(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(core.codec.decode(token, type));
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
            case PROVIDER_REJECTED, PROVIDER_UNAVAILABLE, UNKNOWN_PROVIDER, INVALID_REQUEST, INVALID_STATE, STORAGE_UNAVAILABLE -> false;
        };
    }
}
