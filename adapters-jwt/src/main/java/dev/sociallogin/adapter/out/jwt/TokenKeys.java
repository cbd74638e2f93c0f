package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.adapter.out.jwt.KeyMaterial.LoadedKey;
import dev.sociallogin.domain.model.TokenType;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;

/** The keys the codec signs and verifies with: the key ring, or the one HS256 secret. */
interface TokenKeys {

    /** The key that signs a token of {@code type} issued at {@code issuedAt}: the same for the same claims. */
    LoadedKey signer(TokenType type, Instant issuedAt);

    /**
     * The key {@code kid} names, if it is accepted at {@code now}; {@code null} otherwise. With
     * {@code mayReload}, a kid not known yet makes the ring reload once first (rate-limited).
     */
    LoadedKey verifier(String kid, Instant now, boolean mayReload);

    /** The HS256 secret of v1 for tokens without {@code kid}; {@code null}: such tokens are refused. */
    SecretKey legacySecret();

    /**
     * The latest {@code iat} accepted on a token of {@code type} without {@code kid}: the key ring's
     * start, so that after an upgrade the old secret can verify the tokens it signed but cannot mint
     * new ones. Empty: no such bound (under HS256 the secret is the current key).
     */
    Optional<Instant> legacyIssuedUntil(TokenType type);
}
