package dev.sociallogin.domain.error;

/**
 * The closed set of failures the core reports. Adapters translate technology failures into one of
 * these at the port; the web adapter maps each to the contract's status and code.
 */
public enum ErrorCode {
    /** No token where one is required. */
    TOKEN_MISSING,
    /** Malformed, bad signature, wrong algorithm, type or issuer, or its user is gone or disabled. */
    TOKEN_NOT_VALID,
    /** Signature valid but past its expiry (or past its session's absolute lifetime). */
    TOKEN_EXPIRED,
    /** Blacklisted by rotation or logout. */
    TOKEN_REVOKED,
    /** A rotated refresh token presented again after the grace: its family has been revoked. */
    TOKEN_REUSED,
    /** The identity provider refused the code or access token. */
    PROVIDER_REJECTED,
    /** The identity provider failed, timed out, answered garbage or refused our configuration. */
    PROVIDER_UNAVAILABLE,
    /** The provider is not known or not enabled. */
    UNKNOWN_PROVIDER,
    /** The request cannot be served as asked (a missing or unusable field, a disabled login form). */
    INVALID_REQUEST,
    /**
     * A browser callback whose OAuth state is missing, not the one its {@code oauthState} cookie
     * holds, for another provider, altered, expired or already used.
     */
    INVALID_STATE,
    /** The database is unreachable. */
    STORAGE_UNAVAILABLE
}
