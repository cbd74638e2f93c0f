package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import java.util.Objects;

/**
 * The user behind an access token, and the whole silent-refresh rule. No token: {@code
 * TOKEN_MISSING}; denied: {@code TOKEN_REVOKED}; user gone, disabled or renamed: {@code
 * TOKEN_NOT_VALID}. It rotates silently through the refresh use case (whose errors then propagate)
 * and answers that user with the new pair when, and only when, a refresh token came along and the
 * access token is merely expired, or absent: a browser stops sending the access cookie exactly when
 * its token expires (its Max-Age is the token's lifetime), so a lone refresh cookie is the expired
 * case. A bad or forged access token is never refreshed over.
 */
public final class GetCurrentUserService implements GetCurrentUserUseCase {

    private final AuthCore core;
    private final RefreshTokensUseCase refresh;

    public GetCurrentUserService(AuthCore core, RefreshTokensUseCase refresh) {
        this.core = Objects.requireNonNull(core, "core");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    @Override
    public CurrentUser currentUser(CurrentUserQuery query) {
        boolean mayRotate = !TokenVerifier.isBlank(query.refreshToken());
        if (TokenVerifier.isBlank(query.accessToken())) {
            if (mayRotate) {
                return rotated(query.refreshToken());
            }
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no access token");
        }
        TokenClaims claims;
        try {
            claims = core.codec.decode(query.accessToken(), TokenType.ACCESS);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.TOKEN_EXPIRED && mayRotate) {
                return rotated(query.refreshToken());
            }
            throw e;
        }
        return new CurrentUser(core.verifier.checkAccess(claims).user(), null);
    }

    private CurrentUser rotated(String refreshToken) {
        RefreshResult result = refresh.refresh(new RefreshCommand(refreshToken));
        return new CurrentUser(result.user(), result.tokens());
    }
}
