package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.error.ErrorCode;

/**
 * Every error the HTTP API answers: its status, the contract's {@code code} and a fixed detail.
 * The detail is written here, never taken from an exception, so no input, token or SQL can leak.
 */
enum WebError {
    INVALID_REQUEST(400, "invalid_request", "The request is malformed or misses a required field."),
    INVALID_STATE(400, "invalid_state", "The OAuth state is missing, does not match this browser's state cookie, has expired or was already used."),
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
    REQUEST_TIMEOUT(408, "request_timeout", "The request body did not arrive in time."),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "The request body is too large."),
    URI_TOO_LONG(414, "uri_too_long", "The request URI is too long."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "The request body must be application/json."),
    RATE_LIMITED(429, "rate_limited", "Too many requests from this client; retry after the seconds in Retry-After."),
    HEADERS_TOO_LARGE(431, "headers_too_large", "The request headers are too large."),
    INTERNAL_ERROR(500, "internal_error", "An unexpected error occurred."),
    NOT_IMPLEMENTED(501, "not_implemented", "The server does not support this request."),
    PROVIDER_ERROR(502, "provider_error", "The identity provider failed or did not answer in time."),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable."),
    HTTP_VERSION_NOT_SUPPORTED(505, "http_version_not_supported", "This HTTP version is not supported.");

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

    /** The answer to a failure of the core; a new {@link ErrorCode} does not compile until it is mapped here. */
    static WebError of(ErrorCode code) {
        return switch (code) {
            case TOKEN_MISSING -> TOKEN_MISSING;
            case TOKEN_NOT_VALID -> TOKEN_NOT_VALID;
            case TOKEN_EXPIRED -> TOKEN_EXPIRED;
            case TOKEN_REVOKED -> TOKEN_REVOKED;
            case TOKEN_REUSED -> TOKEN_REUSED;
            case PROVIDER_REJECTED -> PROVIDER_REJECTED;
            case PROVIDER_UNAVAILABLE -> PROVIDER_ERROR;
            case UNKNOWN_PROVIDER -> UNKNOWN_PROVIDER;
            case INVALID_REQUEST -> INVALID_REQUEST;
            case INVALID_STATE -> INVALID_STATE;
            case STORAGE_UNAVAILABLE -> UNAVAILABLE;
        };
    }

    /**
     * The error for a status the server answered without one of ours (Tomcat, a filter): the one of
     * that status, else {@code null} (the caller then answers a generic problem of that very status).
     */
    static WebError ofStatus(int status) {
        for (WebError error : values()) {
            if (error.status == status && error != UNKNOWN_PROVIDER && error != INVALID_STATE && error != CORS_REJECTED
                    && error != TOKEN_NOT_VALID && error != TOKEN_EXPIRED && error != TOKEN_REVOKED && error != TOKEN_REUSED
                    && error != PROVIDER_REJECTED) {
                return error;
            }
        }
        return null;
    }
}
