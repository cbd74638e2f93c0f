package dev.sociallogin.application.service;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Ends sessions: a family's refresh tokens are revoked and its access tokens denied for as long as
 * any of them can still be valid (an access token lifetime from now). Logout and reuse detection
 * end sessions this one way.
 */
final class Sessions {

    private final RefreshTokenStore refreshTokens;
    private final AccessTokenDenylist denylist;
    private final Duration accessTtl;

    Sessions(RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, Duration accessTtl) {
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
        this.accessTtl = accessTtl;
    }

    void end(FamilyId family, Instant now) {
        refreshTokens.revokeFamily(family, now);
        denylist.denySession(family, now.plus(accessTtl));
    }

    /** Ends every session of the user but {@code keep} ({@code null}: every one). */
    void endAllBut(UserId user, FamilyId keep, Instant now) {
        refreshTokens.revokeFamiliesOfUser(user, keep, now).forEach(ended -> denylist.denySession(ended, now.plus(accessTtl)));
    }
}
