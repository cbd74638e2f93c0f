package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.RefreshOutcome;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotates a refresh token.
 * <ol>
 *   <li>No token: {@code TOKEN_MISSING}. The codec's {@code TOKEN_EXPIRED} / {@code TOKEN_NOT_VALID}
 *       propagate. A token we never stored, or whose record names another user: {@code TOKEN_NOT_VALID};
 *       so is a token whose user is gone or disabled.</li>
 *   <li>At or past its family's start plus the session lifetime: {@code TOKEN_EXPIRED}.</li>
 *   <li>The store rotates atomically; the winner gets the successor (same family, issued now,
 *       expiring at {@code min(now + refreshTtl, family end)}) and a fresh access token.</li>
 *   <li>A loser, or a later caller, finds the token rotated. Strictly within the reuse grace
 *       after that rotation (a grace of zero: never) and while the successor is active, it gets
 *       that same successor (the codec is deterministic: the identical string) and a fresh access
 *       token, so several tabs refreshing at once stay logged in. Within the grace but with the
 *       successor revoked (logout): {@code TOKEN_REVOKED}. Otherwise — after the grace, or an
 *       older token whose successor rotated again — it is reuse: the family is revoked, its access
 *       tokens denied, and the call fails {@code TOKEN_REUSED}.</li>
 *   <li>Revoked without rotation (logout, reuse): {@code TOKEN_REVOKED}; expired: {@code TOKEN_EXPIRED}.</li>
 * </ol>
 * Each refresh is reported to {@code AuthOutcomes} as one {@link RefreshOutcome}; a storage failure
 * is not an outcome of the token and is not reported.
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    private final AuthCore core;

    public RefreshTokensService(AuthCore core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public RefreshResult refresh(RefreshCommand command) {
        try {
            return rotate(command);
        } catch (DomainException e) {
            outcomeOf(e.code()).ifPresent(core.outcomes::refreshed);
            throw e;
        }
    }

    private static Optional<RefreshOutcome> outcomeOf(ErrorCode code) {
        return switch (code) {
            case TOKEN_REUSED -> Optional.of(RefreshOutcome.REUSED);
            case TOKEN_EXPIRED -> Optional.of(RefreshOutcome.EXPIRED);
            case TOKEN_REVOKED -> Optional.of(RefreshOutcome.REVOKED);
            case TOKEN_MISSING, TOKEN_NOT_VALID, INVALID_REQUEST -> Optional.of(RefreshOutcome.INVALID);
            case STORAGE_UNAVAILABLE, PROVIDER_REJECTED, PROVIDER_UNAVAILABLE, UNKNOWN_PROVIDER, INVALID_STATE -> Optional.empty();
        };
    }

    private RefreshResult rotate(RefreshCommand command) {
        if (TokenVerifier.isBlank(command.refreshToken())) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no refresh token");
        }
        Instant now = TokenIssuer.now(core.clock);
        TokenClaims claims = core.codec.decode(command.refreshToken(), TokenType.REFRESH);
        StoredRefreshToken stored = core.verifier.storedFor(claims);
        User user = core.verifier.activeUser(claims);
        if (!now.isBefore(core.issuer.sessionEnd(stored))) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "session lifetime over");
        }

        StoredRefreshToken successor = core.issuer.successorOf(stored, now);
        if (core.refreshTokens.rotate(stored.id(), successor, now)) {
            RefreshResult result = new RefreshResult(user, core.issuer.pair(user, successor, now));
            core.outcomes.refreshed(RefreshOutcome.ROTATED);
            return result;
        }
        return afterLostRotation(user, core.refreshTokens.find(stored.id()).orElseThrow(
                () -> new DomainException(ErrorCode.TOKEN_NOT_VALID, "refresh token unknown")), now);
    }

    /** The presented token could not be rotated: explain why, or answer the grace successor. */
    private RefreshResult afterLostRotation(User user, StoredRefreshToken presented, Instant now) {
        if (presented.isRotated()) {
            boolean withinGrace = now.isBefore(presented.rotatedAt().plus(core.issuer.policy().reuseGrace()));
            if (withinGrace) {
                Optional<StoredRefreshToken> successor = core.refreshTokens.find(presented.replacedBy());
                if (successor.isPresent() && successor.get().isActiveAt(now)) {
                    RefreshResult result = new RefreshResult(user, core.issuer.pair(user, successor.get(), now));
                    core.outcomes.refreshed(RefreshOutcome.GRACE);
                    return result;
                }
                if (successor.isPresent() && !successor.get().isRotated()) {
                    if (successor.get().isRevoked()) {
                        throw new DomainException(ErrorCode.TOKEN_REVOKED, "refresh token revoked");
                    }
                    throw new DomainException(ErrorCode.TOKEN_EXPIRED, "refresh token expired");
                }
            }
            // whoever holds the family's access tokens (a thief who rotated first) loses them too
            core.sessions.end(presented.family(), now);
            throw new DomainException(ErrorCode.TOKEN_REUSED, "rotated refresh token presented again");
        }
        if (presented.isRevoked()) {
            throw new DomainException(ErrorCode.TOKEN_REVOKED, "refresh token revoked");
        }
        if (!presented.isActiveAt(now)) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "refresh token expired");
        }
        // active yet not rotatable: its family was revoked without reaching this token
        throw new DomainException(ErrorCode.TOKEN_REVOKED, "refresh token family revoked");
    }
}
