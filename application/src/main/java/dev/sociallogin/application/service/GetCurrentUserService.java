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
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.util.Objects;

/**
 * The user behind an access token. No token: {@code TOKEN_MISSING}; denied: {@code TOKEN_REVOKED};
 * user gone or disabled: {@code TOKEN_NOT_VALID}. When, and only when, the access token is merely
 * expired and a refresh token came along, it rotates silently through the refresh use case (whose
 * errors then propagate) and answers that user with the new pair. A bad or forged access token is
 * never refreshed over.
 */
public final class GetCurrentUserService implements GetCurrentUserUseCase {

    private final UserRepository users;
    private final AccessTokenDenylist denylist;
    private final TokenCodec codec;
    private final RefreshTokensUseCase refresh;

    public GetCurrentUserService(UserRepository users, AccessTokenDenylist denylist, TokenCodec codec,
                                 RefreshTokensUseCase refresh) {
        this.users = Objects.requireNonNull(users, "users");
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    @Override
    public CurrentUser currentUser(CurrentUserQuery query) {
        if (TokenVerifier.isBlank(query.accessToken())) {
            throw new DomainException(ErrorCode.TOKEN_MISSING, "no access token");
        }
        TokenClaims claims;
        try {
            claims = codec.decode(query.accessToken(), TokenType.ACCESS);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.TOKEN_EXPIRED && !TokenVerifier.isBlank(query.refreshToken())) {
                RefreshResult rotated = refresh.refresh(new RefreshCommand(query.refreshToken()));
                return new CurrentUser(rotated.user(), rotated.tokens());
            }
            throw e;
        }
        return new CurrentUser(TokenVerifier.checkAccess(users, denylist, claims).user(), null);
    }
}
