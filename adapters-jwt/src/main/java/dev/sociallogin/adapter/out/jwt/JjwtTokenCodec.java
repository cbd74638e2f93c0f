package dev.sociallogin.adapter.out.jwt;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sociallogin.adapter.out.jwt.KeyMaterial.LoadedKey;
import dev.sociallogin.adapter.out.jwt.VerifiedTokenCache.Digest;
import dev.sociallogin.adapter.out.jwt.VerifiedTokenCache.Entry;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.KeyRing;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Our tokens as JWS compact strings, with jjwt, signed and verified with {@link TokenKeys}: the key
 * ring (access tokens with the configured algorithm, refresh tokens with an internal HS256 key) or the
 * one HS256 secret.
 *
 * <p>Encoding writes the header {@code {"kid":...,"alg":...}} (the key that signs at the token's
 * {@code iat}) and, in this fixed order, {@code iss}, {@code sub} (the user id in decimal),
 * {@code username}, {@code token_type}, {@code jti}, {@code iat}, {@code exp} and {@code family}.
 * HMAC is deterministic and the key follows from {@code iat}, so the same refresh claims always give
 * the byte-identical string: the refresh reuse grace hands a racing tab the very successor it stored.
 *
 * <p>Decoding refuses, before jjwt sees the token: more than {@value #MAX_TOKEN_CHARS} characters,
 * anything but three canonical base64url segments ({@link CompactJws}). Then: a header with any
 * parameter but {@code alg} and {@code kid} (so {@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 * {@code crit}, ... never reach a key lookup); a kid not in the ring or removed; an {@code alg} other
 * than the named key's own (HMAC with a public key, {@code none}, another curve); a key of the other
 * token type; a token without kid unless it is HS256 under the v1 secret, and then only if issued
 * before the key ring started. jjwt checks the signature and {@code exp}/{@code nbf}; we check strict
 * JSON, {@code exp} and {@code iat} present, {@code iat} not later than now plus
 * {@link #IAT_CLOCK_SKEW}, {@code exp - iat} positive and at most the type's lifetime, the expected
 * {@code token_type}, our issuer, a non-blank {@code jti}, {@code sub} a canonical positive decimal,
 * {@code username}, and {@code family} on refresh tokens.
 *
 * <p>Decoding is two steps, verification (signature and every fixed claim check) and the checks
 * that depend on the moment (key still accepted, type expected here, {@code iat}, expiry). Verified
 * access tokens are remembered ({@link VerifiedTokenCache}), so a session's later requests pay only
 * the second step.
 *
 * <p>Any failure is {@link ErrorCode#TOKEN_NOT_VALID}, except a token that passes every check but
 * is past its {@code exp}: {@link ErrorCode#TOKEN_EXPIRED} (so a forged token never learns it is
 * "only expired"). No exception message carries jjwt's message, the token or a claim value, and
 * jjwt's exception is not attached as a cause: its message quotes headers and claims.
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

    /** Verified access tokens remembered by default (about 0.5 KB each). */
    static final int DEFAULT_CACHE_ENTRIES = 10_000;

    static final String USERNAME = "username";
    static final String TOKEN_TYPE = "token_type";
    static final String FAMILY = "family";
    /** The only header parameters we write, and so the only ones we read. */
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "kid");
    private static final ObjectReader HEADER_READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build()
            .readerFor(new TypeReference<Map<String, Object>>() { });

    private final TokenKeys keys;
    private final String issuer;
    private final TokenPolicy policy;
    private final Clock clock;
    private final JwtParser parser;
    private final VerifiedTokenCache cache;

    /** A token passed verification (signature, fixed claims); {@code kid} null: verified by the v1 secret. */
    private record Verified(TokenClaims claims, String kid) {
    }

    JjwtTokenCodec(TokenKeys keys, String issuer, TokenPolicy policy, Clock clock, Set<SigningAlgorithm> algorithms, int cacheEntries) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new VerifiedTokenCache(cacheEntries);
        JwtParserBuilder builder = Jwts.parser().sig().clear().and();
        for (SigningAlgorithm algorithm : algorithms) {
            builder = builder.sig().add(jjwt(algorithm)).and();
        }
        this.parser = builder
                // no JWE and no compression: we never issue either
                .key().clear().and()
                .enc().clear().and()
                .zip().clear().and()
                .keyLocator(new KeyLocator())
                .json(new StrictJsonDeserializer())
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(0)
                .build();
    }

    @Override
    public String encode(TokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        // Refuse to write what decode would refuse to read: a policy longer than this codec's
        // lifetimes is a wiring mistake that should fail loudly at the first login, not at every check.
        if (Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(KeyRing.lifetime(claims.type(), policy)) > 0) {
            throw new IllegalArgumentException("token lifetime exceeds the configured " + claims.type().claim() + " token lifetime");
        }
        LoadedKey key = keys.signer(claims.type(), claims.issuedAt());
        JwtBuilder builder = Jwts.builder()
                .header().keyId(key.kid().value()).and()
                .issuer(issuer)
                .subject(claims.subject().toString())
                .claim(USERNAME, claims.username().value())
                .claim(TOKEN_TYPE, claims.type().claim())
                .id(claims.id().value())
                .issuedAt(Date.from(claims.issuedAt()))
                .expiration(Date.from(claims.expiresAt()));
        if (claims.family() != null) {
            builder.claim(FAMILY, claims.family().value());
        }
        // Naming the algorithm matters: given only an HMAC key, jjwt picks the strongest algorithm its
        // length allows, so a 64-byte secret would silently sign HS512 (which our parser refuses).
        if (key.signingKey() instanceof SecretKey secret) {
            return builder.signWith(secret, Jwts.SIG.HS256).compact();
        }
        return builder.signWith((PrivateKey) key.signingKey(), (SignatureAlgorithm) jjwt(key.algorithm())).compact();
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
        if (!CompactJws.isCanonical(token)) {
            throw notValid("token not in canonical compact form");
        }
        Instant now = clock.instant();
        Digest digest = null;
        if (cache.enabled()) {
            digest = VerifiedTokenCache.digest(token);
            Entry hit = cache.get(digest);
            if (hit != null) {
                if (stillAccepted(hit.kid(), now)) {
                    return checkNow(hit.claims(), expected, now);
                }
                cache.forget(digest);
            }
        }
        requireOurHeaderShape(token);
        Verified verified = verify(token);
        TokenClaims claims = checkNow(verified.claims(), expected, now);
        if (digest != null && claims.type() == TokenType.ACCESS) {
            cache.put(digest, new Entry(claims, verified.kid()), now);
        }
        return claims;
    }

    /** How many verified access tokens are remembered (tests). */
    int cacheSize() {
        return cache.size();
    }

    /** Signature and every check that does not depend on the moment or the caller. */
    private Verified verify(String token) {
        Claims raw;
        Header header;
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            raw = jws.getPayload();
            header = jws.getHeader();
        } catch (ExpiredJwtException pastExp) {
            // jjwt checks exp only after the signature verified, so these claims are ours
            raw = pastExp.getClaims();
            header = pastExp.getHeader();
        } catch (RuntimeException invalid) {
            // JwtException, a refusal of our key locator, or the IllegalArgumentException of odd
            // input; its message quotes header and claim values, so only its type goes into ours
            throw notValid("token not valid (" + invalid.getClass().getSimpleName() + ")");
        }
        TokenClaims claims = toClaims(raw);
        String kid = header instanceof JwsHeader jws ? jws.getKeyId() : null;
        if (kid != null) {
            LoadedKey key = keys.verifier(kid, clock.instant(), false);
            if (key == null || !key.signs(claims.type())) {
                throw notValid("token signed with a key of the other token type");
            }
        } else {
            keys.legacyIssuedUntil(claims.type())
                    .filter(until -> claims.issuedAt().isAfter(until))
                    .ifPresent(until -> {
                        throw notValid("token without kid issued after the key ring started");
                    });
        }
        return new Verified(claims, kid);
    }

    /**
     * The header as we write it, read from its bytes: only {@code alg} and {@code kid}, both non-empty
     * strings ({@code kid} may be absent). Checked here because jjwt's header map drops an empty
     * {@code kid}, which would let {@code "kid":""} pass for a v1 token; the key locator checks the rest.
     */
    private static void requireOurHeaderShape(String token) {
        Map<String, Object> header;
        try {
            header = HEADER_READER.readValue(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        } catch (IOException | IllegalArgumentException notJson) {
            throw notValid("token header not a JSON object");
        }
        if (header == null || !HEADER_PARAMETERS.containsAll(header.keySet())) {
            throw notValid("token header carries a parameter we never write");
        }
        for (Object value : header.values()) {
            if (!(value instanceof String text) || text.isEmpty()) {
                throw notValid("token header parameter not a non-empty string");
            }
        }
    }

    /** Whether the key that verified a remembered token still verifies at {@code now}. */
    private boolean stillAccepted(String kid, Instant now) {
        return kid == null ? keys.legacySecret() != null : keys.verifier(kid, now, false) != null;
    }

    /** The checks that depend on the caller's expectation and the moment. */
    private static TokenClaims checkNow(TokenClaims claims, TokenType expected, Instant now) {
        if (expected != null && claims.type() != expected) {
            throw notValid("token of the wrong type");
        }
        if (claims.issuedAt().isAfter(now.plus(IAT_CLOCK_SKEW))) {
            throw notValid("token issued in the future");
        }
        if (claims.isExpiredAt(now)) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "token expired");
        }
        return claims;
    }

    private TokenClaims toClaims(Claims raw) {
        if (raw == null) {
            throw notValid("token has no claims");
        }
        if (!issuer.equals(raw.getIssuer())) {
            throw notValid("token issuer not ours");
        }
        TokenType type = tokenType(raw.get(TOKEN_TYPE));
        Date exp = raw.getExpiration();
        Date iat = raw.getIssuedAt();
        if (exp == null || iat == null) {
            throw notValid("token lacks exp or iat");
        }
        Instant issuedAt = iat.toInstant();
        Instant expiresAt = exp.toInstant();
        if (!expiresAt.isAfter(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(KeyRing.lifetime(type, policy)) > 0) {
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

    /**
     * Finds the key a token's header names, refusing every header we would not write. Runs after
     * jjwt parsed the header (strictly) and before it checks the signature.
     */
    private final class KeyLocator implements Locator<Key> {
        @Override
        public Key locate(Header header) {
            if (!(header instanceof JwsHeader jws)) {
                throw new Refused();
            }
            for (String name : header.keySet()) {
                if (!HEADER_PARAMETERS.contains(name)) {
                    throw new Refused();
                }
            }
            String algorithm = jws.getAlgorithm();
            String kid = jws.getKeyId();
            if (kid == null) {
                SecretKey legacy = keys.legacySecret();
                if (legacy == null || !SigningAlgorithm.HS256.jwaName().equals(algorithm)) {
                    throw new Refused();
                }
                return legacy;
            }
            LoadedKey key = keys.verifier(kid, clock.instant(), true);
            if (key == null || !key.algorithm().jwaName().equals(algorithm)) {
                throw new Refused();
            }
            return key.verifyingKey();
        }
    }

    /** Our key locator's refusal: no message, no stack trace (it is turned into TOKEN_NOT_VALID at once). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    static io.jsonwebtoken.security.SecureDigestAlgorithm<?, ?> jjwt(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case ES256:
                return Jwts.SIG.ES256;
            case EDDSA:
                return Jwts.SIG.EdDSA;
            case RS256:
                return Jwts.SIG.RS256;
            case HS256:
                return Jwts.SIG.HS256;
            default:
                throw new IllegalArgumentException("unknown algorithm");
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
