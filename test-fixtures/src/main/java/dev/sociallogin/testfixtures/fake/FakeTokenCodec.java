package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link TokenCodec} without JWT: {@code ft1.<field>...<field>.<mac>}, each field base64url, the
 * last part an HMAC-SHA256 under a fixed test key. Deterministic (same claims, same string) and
 * tamper-evident; not a security boundary, only a stand-in that fails the way the real codec
 * ({@code JjwtTokenCodec}) does:
 *
 * <ol>
 *   <li>anything malformed, a wrong MAC, a blank or oversized string: {@code TOKEN_NOT_VALID};</li>
 *   <li>the wrong type, {@code iat} more than {@link #IAT_CLOCK_SKEW} in the future, or
 *       {@code exp - iat} over the policy's lifetime (when a policy is given): {@code TOKEN_NOT_VALID},
 *       also when the token is expired as well;</li>
 *   <li>only a token passing every other check but at or past its {@code exp} at the injected
 *       clock: {@code TOKEN_EXPIRED}. So an expired token of the wrong type is "not valid", and a
 *       forged token never learns it is "only expired".</li>
 * </ol>
 * Like the real codec, it refuses to encode what it would refuse to decode (a lifetime over the policy).
 */
public final class FakeTokenCodec implements TokenCodec {

    /** How far in the future {@code iat} may lie, as the real codec allows for clock skew. */
    public static final Duration IAT_CLOCK_SKEW = Duration.ofSeconds(5);

    private static final String PREFIX = "ft1";
    private static final int FIELDS = 7;
    private static final int MAX_LENGTH = 8 * 1024;
    private static final byte[] KEY = "fake-token-codec-fixed-test-key-not-a-secret".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Clock clock;
    private final TokenPolicy policy;

    /** A codec checking expiry against {@code clock}, without a lifetime limit. */
    public FakeTokenCodec(Clock clock) {
        this(clock, null);
    }

    /** A codec that also refuses tokens living longer than {@code policy}'s lifetimes (may be {@code null}). */
    public FakeTokenCodec(Clock clock, TokenPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = policy;
    }

    @Override
    public String encode(TokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        if (!lifetimeAcceptable(claims)) {
            throw new IllegalArgumentException("token lifetime exceeds the policy's " + claims.type().claim() + " lifetime");
        }
        String body = String.join(".",
                field(claims.type().claim()),
                field(claims.id().value()),
                field(claims.subject().toString()),
                field(claims.username().value()),
                field(Long.toString(claims.issuedAt().getEpochSecond())),
                field(Long.toString(claims.expiresAt().getEpochSecond())),
                field(claims.optionalFamily().map(FamilyId::value).orElse("")));
        String signed = PREFIX + "." + body;
        return signed + "." + mac(signed);
    }

    @Override
    public TokenClaims decode(String token, TokenType expected) {
        return read(token, Objects.requireNonNull(expected, "expected"));
    }

    @Override
    public TokenClaims decodeAny(String token) {
        return read(token, null);
    }

    private TokenClaims read(String token, TokenType expected) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            throw notValid();
        }
        int macAt = token.lastIndexOf('.');
        if (macAt < 0) {
            throw notValid();
        }
        String signed = token.substring(0, macAt);
        byte[] presentedMac = token.substring(macAt + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presentedMac, mac(signed).getBytes(StandardCharsets.US_ASCII))) {
            throw notValid();
        }
        String[] parts = signed.split("\\.", -1);
        if (parts.length != FIELDS + 1 || !PREFIX.equals(parts[0])) {
            throw notValid();
        }
        TokenClaims claims;
        try {
            TokenType type = typeOf(text(parts[1]));
            String family = text(parts[7]);
            claims = new TokenClaims(type, new TokenId(text(parts[2])), UserId.parse(text(parts[3])),
                    new Username(text(parts[4])), Instant.ofEpochSecond(Long.parseLong(text(parts[5]))),
                    Instant.ofEpochSecond(Long.parseLong(text(parts[6]))), family.isEmpty() ? null : new FamilyId(family));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw notValid();
        }
        Instant now = clock.instant();
        if ((expected != null && claims.type() != expected)
                || claims.issuedAt().isAfter(now.plus(IAT_CLOCK_SKEW))
                || !lifetimeAcceptable(claims)) {
            throw notValid();
        }
        if (claims.isExpiredAt(now)) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "token expired");
        }
        return claims;
    }

    private boolean lifetimeAcceptable(TokenClaims claims) {
        if (policy == null) {
            return true;
        }
        Duration lifetime = claims.type() == TokenType.ACCESS ? policy.accessTtl() : policy.refreshTtl();
        return Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(lifetime) <= 0;
    }

    private static TokenType typeOf(String claim) {
        for (TokenType type : TokenType.values()) {
            if (type.claim().equals(claim)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown token type");
    }

    private static String field(String value) {
        return B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        // decode() throws IllegalArgumentException on bad base64, mapped to "not valid" by the caller
        return new String(B64D.decode(field), StandardCharsets.UTF_8);
    }

    private static String mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static DomainException notValid() {
        return new DomainException(ErrorCode.TOKEN_NOT_VALID, "token not valid");
    }
}
