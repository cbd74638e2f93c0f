package dev.sociallogin.application.service;

import dev.sociallogin.application.port.in.PurgeExpiredUseCase;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Deletes refresh tokens and denylist entries that expired before now. */
public final class PurgeExpiredService implements PurgeExpiredUseCase {

    private final RefreshTokenStore refreshTokens;
    private final AccessTokenDenylist denylist;
    private final Clock clock;

    public PurgeExpiredService(RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, Clock clock) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PurgeResult purgeExpired() {
        Instant now = TokenIssuer.now(clock);
        return new PurgeResult(refreshTokens.purgeExpired(now), denylist.purgeExpired(now));
    }
}
