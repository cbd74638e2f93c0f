package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Our tokens as HS256 JWS compact strings, with jjwt.
 *
 * <p>Encoding writes, in this fixed order, {@code iss}, {@code sub} (the user id in decimal),
 * {@code username}, {@code token_type} ({@code access} or {@code refresh}), {@code jti}, {@code iat},
 * {@code exp} and {@code family} (the session; on every token we issue now), under the header
 * {@code {"alg":"HS256"}} and nothing else. HMAC is deterministic, so the same claims always give the byte-identical string:
 * the refresh reuse grace hands a racing tab the very successor token it stored.
 *
 * <p>Decoding checks what jjwt checks (compact JWS form, the HS256 signature — the only algorithm
 * its parser knows, so {@code none}, HS512, RS256 and JWE are all refused — and {@code exp}/{@code
 * nbf} against the injected clock) and what jjwt leaves to its caller: at most {@value
 * #MAX_TOKEN_CHARS} characters before any parsing; strict JSON (no duplicated keys, no trailing
 * content, integer NumericDates); {@code exp} present; {@code iat} present and not later than now
 * plus {@link #IAT_CLOCK_SKEW}; {@code exp - iat} positive and at most the configured lifetime of the
 * token's type; the expected {@code token_type}; our issuer; a non-blank {@code jti}; {@code sub} a
 * positive decimal without leading zeros; {@code username} present; {@code family} on refresh tokens
 * (on access tokens it may be absent: those issued before access tokens named their session).
 *
 * <p>Any failure is {@link ErrorCode#TOKEN_NOT_VALID}, except a token that passes every check but
 * is past its {@code exp}, which is {@link ErrorCode#TOKEN_EXPIRED} (so a forged token never learns
 * it is "only expired"). No exception message carries jjwt's message, the token, or a claim value,
 * and the jjwt exception is not attached as a cause: its message quotes headers and claims.
 */
public final class JjwtTokenCodec implements TokenCodec {

    /** Longer tokens are refused before jjwt sees them (ours are well under 1 KiB). */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    /**
     * How far in the future {@code iat} may lie: a few seconds, for instances behind one load balancer
     * whose NTP-synchronised clocks differ slightly. {@code exp} gets no allowance: a token is expired
     * from its {@code exp} second on, on every instance.
     */
    public static final Duration IAT_CLOCK_SKEW = Duration.ofSeconds(5);

    static final String USERNAME = "username";
    static final String TOKEN_TYPE = "token_type";
    static final String FAMILY = "family";

    private final JwtSettings settings;
    private final Clock clock;
    private final JwtParser parser;

    public JjwtTokenCodec(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Jwts.parser()
                .sig().clear().add(Jwts.SIG.HS256).and()
                // no JWE and no compression: we never issue either
                .key().clear().and()
                .enc().clear().and()
                .zip().clear().and()
                .verifyWith(settings.key())
                .json(new StrictJsonDeserializer())
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(0)
                .build();
    }

    @Override
    public String encode(TokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        // Refuse to write what decode would refuse to read: a policy longer than this codec's
        // settings is a wiring mistake that should fail loudly at the first login, not at every check.
        if (Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(settings.lifetime(claims.type())) > 0) {
            throw new IllegalArgumentException(
                    "token lifetime exceeds the configured " + claims.type().claim() + " token lifetime");
        }
        JwtBuilder builder = Jwts.builder()
                .issuer(settings.issuer())
                .subject(claims.subject().toString())
                .claim(USERNAME, claims.username().value())
                .claim(TOKEN_TYPE, claims.type().claim())
                .id(claims.id().value())
                .issuedAt(Date.from(claims.issuedAt()))
                .expiration(Date.from(claims.expiresAt()));
        if (claims.family() != null) {
            builder.claim(FAMILY, claims.family().value());
        }
        // Naming HS256 matters: given only the key, jjwt picks the strongest algorithm the key
        // length allows, so a 64-byte secret would silently sign HS512 (which our parser refuses).
        return builder.signWith(settings.key(), Jwts.SIG.HS256).compact();
    }

    @Override
    public TokenClaims decode(String token, TokenType expected) {
        Objects.requireNonNull(expected, "expected");
        return read(token, expected);
    }

    @Override
    public TokenClaims decodeAny(String token) {
        return read(token, null);
    }

    private TokenClaims read(String token, TokenType expected) {
        if (token == null || token.isBlank()) {
            throw notValid("no token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw notValid("token too long");
        }
        if (!CanonicalCompact.isCanonical(token)) {
            throw notValid("token not in canonical compact form");
        }
        Claims raw;
        boolean expired;
        try {
            raw = parser.parseSignedClaims(token).getPayload();
            expired = false;
        } catch (ExpiredJwtException pastExp) {
            // jjwt checks exp only after the signature verified, so these claims are ours
            raw = pastExp.getClaims();
            expired = true;
        } catch (RuntimeException invalid) {
            // JwtException, or the IllegalArgumentException of blank/odd input; its message quotes
            // header and claim values, so only its type goes into ours
            throw notValid("token not valid (" + invalid.getClass().getSimpleName() + ")");
        }
        TokenClaims claims = toClaims(raw, expected);
        if (expired || claims.isExpiredAt(clock.instant())) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "token expired");
        }
        return claims;
    }

    private TokenClaims toClaims(Claims raw, TokenType expected) {
        if (raw == null) {
            throw notValid("token has no claims");
        }
        if (!settings.issuer().equals(raw.getIssuer())) {
            throw notValid("token issuer not ours");
        }
        TokenType type = tokenType(raw.get(TOKEN_TYPE));
        if (expected != null && type != expected) {
            throw notValid("token of the wrong type");
        }
        Date exp = raw.getExpiration();
        Date iat = raw.getIssuedAt();
        if (exp == null || iat == null) {
            throw notValid("token lacks exp or iat");
        }
        Instant issuedAt = iat.toInstant();
        Instant expiresAt = exp.toInstant();
        if (issuedAt.isAfter(clock.instant().plus(IAT_CLOCK_SKEW))) {
            throw notValid("token issued in the future");
        }
        if (!expiresAt.isAfter(issuedAt)
                || Duration.between(issuedAt, expiresAt).compareTo(settings.lifetime(type)) > 0) {
            throw notValid("token lifetime not acceptable");
        }
        String jti = raw.getId();
        if (jti == null || jti.isBlank()) {
            throw notValid("token lacks jti");
        }
        Object username = raw.get(USERNAME);
        if (!(username instanceof String)) {
            throw notValid("token lacks username");
        }
        Object family = raw.get(FAMILY);
        if (family != null && !(family instanceof String)) {
            throw notValid("token family not a string");
        }
        if (type == TokenType.REFRESH && family == null) {
            throw notValid("refresh token without a family");
        }
        try {
            return new TokenClaims(type, new TokenId(jti), subject(raw.getSubject()), new Username((String) username),
                    issuedAt, expiresAt, family == null ? null : new FamilyId((String) family));
        } catch (IllegalArgumentException unacceptable) {
            // a value the domain refuses (too long, fractional seconds, ...); the message may name it
            throw notValid("token claims not acceptable");
        }
    }

    private static TokenType tokenType(Object claim) {
        for (TokenType type : TokenType.values()) {
            if (type.claim().equals(claim)) {
                return type;
            }
        }
        throw notValid("token type unknown");
    }

    private static UserId subject(String sub) {
        // UserId.parse accepts leading zeros; we only ever write the canonical form
        if (sub == null || sub.startsWith("0")) {
            throw notValid("token subject not a user id");
        }
        try {
            return UserId.parse(sub);
        } catch (IllegalArgumentException notDecimal) {
            throw notValid("token subject not a user id");
        }
    }

    private static DomainException notValid(String why) {
        return new DomainException(ErrorCode.TOKEN_NOT_VALID, why);
    }
}
