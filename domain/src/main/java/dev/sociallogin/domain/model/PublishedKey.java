package dev.sociallogin.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The public JWK of one access-token key (RFC 7517), as served in the JWKS: its members in the order
 * they are written ({@code kty}, {@code crv}, {@code kid}, {@code use}, {@code alg}, then the key's
 * public parameters), all strings. Never a private member: the constructor refuses them.
 */
public record PublishedKey(KeyId kid, SigningAlgorithm algorithm, Map<String, String> jwk) {

    /** JWK members that carry private key material (RFC 7518 section 6). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    public PublishedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(jwk, "jwk");
        if (algorithm.isSymmetric()) {
            throw new IllegalArgumentException("symmetric keys are never published");
        }
        for (String member : jwk.keySet()) {
            if (PRIVATE_MEMBERS.contains(member)) {
                throw new IllegalArgumentException("a published key carries no private member");
            }
        }
        if (!kid.value().equals(jwk.get("kid")) || !algorithm.jwaName().equals(jwk.get("alg"))) {
            throw new IllegalArgumentException("the JWK's kid and alg must be the key's");
        }
        jwk = Collections.unmodifiableMap(new LinkedHashMap<>(jwk));
    }
}
