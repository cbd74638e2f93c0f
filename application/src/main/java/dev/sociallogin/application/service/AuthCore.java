package dev.sociallogin.application.service;

import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.AuthOutcomes;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * What the token use cases share: the outbound ports, the token policy and the clock, and the three
 * helpers built on them once, so that issuing, checking and ending sessions each follow one rule:
 * {@link TokenIssuer} (lifetimes), {@link TokenVerifier} (is this token usable now) and
 * {@link Sessions} (end a session). Bootstrap builds one and hands it to every use case. Logins and
 * refreshes report their outcomes to {@link AuthOutcomes} (counted by the metrics adapter).
 */
public final class AuthCore {

    final UserRepository users;
    final RefreshTokenStore refreshTokens;
    final AccessTokenDenylist denylist;
    final TokenCodec codec;
    final Clock clock;
    final TokenIssuer issuer;
    final TokenVerifier verifier;
    final Sessions sessions;
    final AuthOutcomes outcomes;

    public AuthCore(UserRepository users, RefreshTokenStore refreshTokens, AccessTokenDenylist denylist, TokenCodec codec,
                    TokenPolicy policy, Clock clock, AuthOutcomes outcomes) {
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = new TokenIssuer(codec, policy);
        this.verifier = new TokenVerifier(users, refreshTokens, denylist, codec, issuer);
        this.sessions = new Sessions(refreshTokens, denylist, policy.accessTtl());
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }
}
