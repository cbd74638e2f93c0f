package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's signing keys from its JWKS ({@code jwks_uri}), cached. A token naming a {@code kid}
 * the cache does not know makes it fetch the set again (the issuer rotated its keys), but at most
 * once per {@code refreshInterval}, so tokens with made-up {@code kid}s cannot make us hammer the
 * issuer. Only public RSA (2048 bits or more) and EC (P-256, P-384, P-521, point on the curve) keys
 * meant for signatures are kept; anything else in the set is skipped.
 */
public final class JwksKeys {

    /** One usable key. {@code algorithm} is the JWK's {@code alg}, or {@code null} when it names none. */
    public record Key(String kid, PublicKey publicKey, String curve, String algorithm) {
    }

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private final ProviderHttp http;
    private final Supplier<URI> jwksUri;
    private final Clock clock;
    private final Duration refreshInterval;
    private List<Key> keys;
    private Instant fetchedAt = Instant.MIN;

    public JwksKeys(ProviderHttp http, Supplier<URI> jwksUri, Clock clock, Duration refreshInterval) {
        this.http = Objects.requireNonNull(http, "http");
        this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    /**
     * The keys a token with this {@code kid} may be verified with: the one of that id, or, for a
     * token without {@code kid}, every key. Empty when the issuer has no such key, also after a refetch.
     */
    public synchronized List<Key> candidates(String kid) {
        if (keys == null) {
            fetch();
        }
        List<Key> found = matching(kid);
        if (found.isEmpty() && kid != null && !clock.instant().isBefore(fetchedAt.plus(refreshInterval))) {
            log.info("{} signed with a key id not in its key set; fetching the set again", http.provider());
            fetch();
            found = matching(kid);
        }
        return found;
    }

    private List<Key> matching(String kid) {
        return kid == null ? List.copyOf(keys) : keys.stream().filter(key -> kid.equals(key.kid())).toList();
    }

    private void fetch() {
        // the time is taken first: a failing fetch also waits out the interval before the next one
        fetchedAt = clock.instant();
        JsonNode set = http.get(HttpUrl.get(jwksUri.get().toString()), "key set", ProviderErrors.failing(http.provider(), "key set"));
        JsonNode array = set.get("keys");
        List<Key> read = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode jwk : array) {
                parse(jwk).ifPresent(read::add);
            }
        }
        if (read.isEmpty()) {
            log.warn("{} key set holds no usable signing key", http.provider());
        }
        keys = List.copyOf(read);
    }

    /** A JWK as a public key, or empty when it is not one we verify with. */
    static Optional<Key> parse(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            return Optional.empty();
        }
        String use = JsonFields.text(jwk, "use");
        if (use != null && !use.equals("sig")) {
            return Optional.empty();
        }
        // a private part published by mistake: never use such a key
        if (jwk.has("d") || jwk.has("p") || jwk.has("q") || jwk.has("k")) {
            return Optional.empty();
        }
        String kid = JsonFields.text(jwk, "kid");
        String alg = JsonFields.text(jwk, "alg");
        try {
            switch (String.valueOf(JsonFields.text(jwk, "kty"))) {
                case "RSA": {
                    BigInteger n = unsigned(jwk, "n");
                    BigInteger e = unsigned(jwk, "e");
                    if (n == null || e == null) {
                        return Optional.empty();
                    }
                    RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                    return key.getModulus().bitLength() >= 2048 ? Optional.of(new Key(kid, key, null, alg)) : Optional.empty();
                }
                case "EC": {
                    String curve = JsonFields.text(jwk, "crv");
                    BigInteger x = unsigned(jwk, "x");
                    BigInteger y = unsigned(jwk, "y");
                    if (curve == null || !CURVES.containsKey(curve) || x == null || y == null) {
                        return Optional.empty();
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(CURVES.get(curve)));
                    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                    if (!onCurve(spec, x, y)) {
                        return Optional.empty();
                    }
                    PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
                    return Optional.of(new Key(kid, key, curve, alg));
                }
                default:
                    // symmetric ("oct") keys and anything else are never used to verify an issuer's token
                    return Optional.empty();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean onCurve(ECParameterSpec spec, BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        String text = JsonFields.text(jwk, field);
        if (text == null || !text.matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(text));
    }
}
