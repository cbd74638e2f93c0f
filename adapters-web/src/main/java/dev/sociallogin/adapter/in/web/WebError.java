package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.error.ErrorCode;

/**
 * Every error the HTTP API answers: its status, the contract's {@code code} and a fixed detail.
 * The detail is written here, never taken from an exception, so no input, token or SQL can leak.
 */
enum WebError {
    INVALID_REQUEST(400, "invalid_request", "The request is malformed or misses a required field."),
    INVALID_STATE(400, "invalid_state", "The OAuth state is missing or does not match this browser's state cookie."),
    TOKEN_MISSING(401, "token_missing", "No token was presented where one is required."),
    TOKEN_NOT_VALID(401, "token_not_valid", "The token is not valid."),
    TOKEN_EXPIRED(401, "token_expired", "The token has expired."),
    TOKEN_REVOKED(401, "token_revoked", "The token has been revoked."),
    TOKEN_REUSED(401, "token_reused", "The refresh token was already used; its session has been revoked."),
    PROVIDER_REJECTED(401, "provider_rejected", "The identity provider refused the login."),
    CSRF_REJECTED(403, "csrf_rejected", "A cookie-authenticated request from an untrusted origin was refused."),
    CORS_REJECTED(403, "cors_rejected", "This origin, method or header is not allowed for cross-origin requests."),
    NOT_FOUND(404, "not_found", "No such resource."),
    UNKNOWN_PROVIDER(404, "unknown_provider", "The provider is not known or not enabled."),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "The method is not allowed on this resource."),
    NOT_ACCEPTABLE(406, "not_acceptable", "The resource answers JSON only."),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "The request body must be application/json."),
    INTERNAL_ERROR(500, "internal_error", "An unexpected error occurred."),
    PROVIDER_ERROR(502, "provider_error", "The identity provider failed or did not answer in time."),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable.");

    private final int status;
    private final String code;
    private final String detail;

    WebError(int status, String code, String detail) {
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }

    static WebError of(ErrorCode code) {
        switch (code) {
            case TOKEN_MISSING:
                return TOKEN_MISSING;
            case TOKEN_NOT_VALID:
                return TOKEN_NOT_VALID;
            case TOKEN_EXPIRED:
                return TOKEN_EXPIRED;
            case TOKEN_REVOKED:
                return TOKEN_REVOKED;
            case TOKEN_REUSED:
                return TOKEN_REUSED;
            case PROVIDER_REJECTED:
                return PROVIDER_REJECTED;
            case PROVIDER_UNAVAILABLE:
                return PROVIDER_ERROR;
            case UNKNOWN_PROVIDER:
                return UNKNOWN_PROVIDER;
            case INVALID_REQUEST:
                return INVALID_REQUEST;
            case STORAGE_UNAVAILABLE:
                return UNAVAILABLE;
            default:
                return INTERNAL_ERROR;
        }
    }

    /** The best fit for a status the server answered without one of our errors (Tomcat, a filter). */
    static WebError ofStatus(int status) {
        for (WebError error : values()) {
            if (error.status == status && error != UNKNOWN_PROVIDER && error != INVALID_STATE) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
