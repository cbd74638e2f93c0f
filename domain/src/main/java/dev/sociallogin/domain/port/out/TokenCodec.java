package dev.sociallogin.domain.port.out;

import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;

/**
 * Encodes and checks our tokens. Encoding refresh tokens is deterministic: the same claims give the
 * same string (the reuse grace hands back the stored successor by encoding it again); access tokens
 * may carry a randomised signature (ES256). Decoding throws {@link dev.sociallogin.domain.error.DomainException} with {@code TOKEN_EXPIRED}
 * (valid signature, past {@code exp}) or {@code TOKEN_NOT_VALID} (anything else wrong).
 */
public interface TokenCodec {

    String encode(TokenClaims claims);

    /** Decodes a token that must be of {@code expected} type. */
    TokenClaims decode(String token, TokenType expected);

    /** Decodes a token of either type. */
    TokenClaims decodeAny(String token);
}
