package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three outcomes of a provider failure, and the standard reading of OAuth 2.0 token errors.
 * Messages and log lines name the provider, the endpoint, the status and the provider's machine
 * code (sanitized), never its human text: descriptions quote codes and tokens, and change without notice.
 */
public final class ProviderErrors {

    private static final Logger log = LoggerFactory.getLogger(ProviderErrors.class);

    private ProviderErrors() {
    }

    /** The provider refused the user's code or token: the user may log in again. */
    public static DomainException rejected(String message) {
        return new DomainException(ErrorCode.PROVIDER_REJECTED, message);
    }

    /** The provider failed, timed out, answered garbage or refused our configuration. */
    public static DomainException unavailable(String message) {
        return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, message);
    }

    /** Our own configuration is wrong: every login fails until an operator acts, so it is logged at ERROR with what to check. */
    public static DomainException configuration(String provider, String what, int status, String providerCode, String hint) {
        log.error("{} configuration error: {} (HTTP {}, {}); {}", provider, what, status, sanitize(providerCode), hint);
        return unavailable(provider + ": " + what + " (" + sanitize(providerCode) + ")");
    }

    /** Providers' machine codes are short identifiers; anything else is not echoed. */
    public static String sanitize(String code) {
        if (code == null) {
            return "none";
        }
        return code.matches("[A-Za-z0-9_ -]{1,40}") ? code : "unrecognised";
    }

    /**
     * RFC 6749 §5.2 token errors by their {@code error} code: {@code invalid_grant} (the code is
     * unknown, used, expired, or its PKCE verifier wrong) is the user's, refused; {@code invalid_client}
     * and {@code unauthorized_client} are our configuration ({@code hint} says what to check);
     * anything else, or no JSON at all, is the provider failing.
     */
    public static HttpErrors oauth(String provider, String hint) {
        return (status, body) -> {
            String error = JsonFields.text(body, "error");
            if ("invalid_grant".equals(error)) {
                log.info("{} refused the authorization grant (HTTP {}, invalid_grant)", provider, status);
                return rejected(provider + " refused the authorization code (invalid_grant)");
            }
            if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                return configuration(provider, "the token endpoint refused our client", status, error, hint);
            }
            log.warn("{} token endpoint failed (HTTP {}, error={})", provider, status, sanitize(error));
            return unavailable(provider + " token endpoint failed (HTTP " + status + ")");
        };
    }

    /** For documents that have no error vocabulary (discovery, keys): any error answer is the provider failing. */
    public static HttpErrors failing(String provider, String endpoint) {
        return (status, body) -> {
            log.warn("{} {} failed (HTTP {})", provider, endpoint, status);
            return unavailable(provider + " " + endpoint + " failed (HTTP " + status + ")");
        };
    }

    /** {@code field} of an error body as a short machine code, or {@code null}. */
    public static String code(JsonNode body, String field) {
        return JsonFields.text(body, field);
    }
}
