package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Kakao's error answers into our error codes. Classification looks only at the status and
 * Kakao's machine codes ({@code error_code}/{@code error} on kauth, {@code code} on kapi): the
 * human text ({@code error_description}, {@code msg}) can quote the user's code and changes
 * without notice, so it is neither branched on nor logged.
 */
final class KakaoErrors {

    private static final Logger log = LoggerFactory.getLogger(KakaoErrors.class);

    /** kapi codes meaning the user's token was refused. */
    private static final Set<Integer> API_REJECTED = Set.of(-401, -2);
    /** kapi codes meaning Kakao refuses our app's settings or permissions. */
    private static final Set<Integer> API_CONFIGURATION = Set.of(-3, -5, -12);

    private KakaoErrors() {
    }

    /** An error answer of {@code POST /oauth/token}; {@code body} is {@code null} when not a JSON object. */
    static DomainException fromTokenEndpoint(int status, JsonNode body) {
        String errorCode = text(body, "error_code");
        String error = text(body, "error");
        if (errorCode != null) {
            switch (errorCode.toUpperCase(Locale.ROOT)) {
                case "KOE320":
                    log.info("Kakao refused the authorization code (HTTP {}, KOE320: unknown, expired or already used)", status);
                    return rejected("Kakao refused the authorization code (KOE320)");
                case "KOE303":
                    log.warn("Kakao refused the redirect_uri (HTTP {}, KOE303): it must equal the one used at authorize;"
                            + " check KAKAO_REDIRECT_URI and the redirectUri clients send", status);
                    return rejected("Kakao refused the redirect_uri (KOE303)");
                case "KOE010":
                    return configuration("Kakao refused our client credentials", status, "KOE010",
                            "check KAKAO_CLIENT_SECRET (and that client secret use matches the Kakao app's setting)");
                case "KOE101":
                    return configuration("Kakao does not know our client_id", status, "KOE101", "check KAKAO_CLIENT_ID");
                case "KOE237":
                    log.warn("Kakao token rate limit reached (HTTP {}, KOE237)", status);
                    return unavailable("Kakao token rate limit reached (KOE237)");
                default:
                    break;
            }
        }
        // Unknown or missing error_code: fall back on the OAuth error code (RFC 6749 §5.2).
        String label = errorCode != null ? errorCode : "no error_code";
        if ("invalid_grant".equals(error)) {
            log.info("Kakao refused the authorization grant (HTTP {}, invalid_grant, {})", status, sanitize(label));
            return rejected("Kakao refused the authorization code (" + sanitize(label) + ")");
        }
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            return configuration("Kakao refused our client", status, sanitize(label),
                    "check KAKAO_CLIENT_ID and KAKAO_CLIENT_SECRET");
        }
        log.warn("Kakao token endpoint failed (HTTP {}, error={}, error_code={})", status, sanitize(error), sanitize(label));
        return unavailable("Kakao token endpoint failed (HTTP " + status + ")");
    }

    /** An error answer of a kapi user API; {@code body} is {@code null} when not a JSON object. */
    static DomainException fromUserApi(String endpoint, int status, JsonNode body) {
        Integer code = intCode(body);
        if (code != null && API_REJECTED.contains(code)) {
            log.info("Kakao {} refused the access token (HTTP {}, code {})", endpoint, status, code);
            return rejected("Kakao refused the access token (code " + code + ")");
        }
        if (code != null && API_CONFIGURATION.contains(code)) {
            return configuration("Kakao " + endpoint + " refused our app's settings or permissions", status,
                    "code " + code, "check the Kakao app's settings and consent items in Kakao Developers");
        }
        log.warn("Kakao {} failed (HTTP {}, code {})", endpoint, status, code == null ? "none" : code);
        return unavailable("Kakao " + endpoint + " failed (HTTP " + status + (code == null ? "" : ", code " + code) + ")");
    }

    static DomainException rejected(String message) {
        return new DomainException(ErrorCode.PROVIDER_REJECTED, message);
    }

    static DomainException unavailable(String message) {
        return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, message);
    }

    /** Our own configuration is wrong: every login fails until an operator acts, so say it loudly. */
    private static DomainException configuration(String what, int status, String kakaoCode, String hint) {
        log.error("Kakao configuration error: {} (HTTP {}, {}); {}", what, status, kakaoCode, hint);
        return unavailable(what + " (" + kakaoCode + ")");
    }

    private static String text(JsonNode body, String field) {
        if (body == null) {
            return null;
        }
        JsonNode node = body.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** {@code code} as an int, whether Kakao sends it as a number or a numeric string. */
    private static Integer intCode(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode node = body.get("code");
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return Integer.valueOf(node.asText());
        }
        return null;
    }

    /** Kakao's machine codes are short identifiers; anything else is not echoed. */
    private static String sanitize(String code) {
        if (code == null) {
            return "none";
        }
        return code.matches("[A-Za-z0-9_ -]{1,40}") ? code : "unrecognised";
    }
}
