package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.provider.oauth.HttpErrors;
import dev.sociallogin.provider.oauth.ProviderErrors;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kakao's error codes: {@code error_code} (KOExxx) on kauth, before the OAuth {@code error} the
 * base reads; the numeric {@code code} on kapi. Never the human text ({@code error_description},
 * {@code msg}): it can quote the user's code and changes without notice.
 */
final class KakaoErrors {

    private static final Logger log = LoggerFactory.getLogger(KakaoErrors.class);
    private static final String KAKAO = "Kakao";
    private static final HttpErrors OAUTH = ProviderErrors.oauth(KAKAO, "check KAKAO_CLIENT_ID and KAKAO_CLIENT_SECRET");

    /** kapi codes meaning the user's token was refused. */
    private static final Set<Integer> API_REJECTED = Set.of(-401, -2);
    /** kapi codes meaning Kakao refuses our app's settings or permissions. */
    private static final Set<Integer> API_CONFIGURATION = Set.of(-3, -5, -12);

    private KakaoErrors() {
    }

    /** An error answer of {@code POST /oauth/token}; {@code body} is {@code null} when not a JSON object. */
    static DomainException fromTokenEndpoint(int status, JsonNode body) {
        String errorCode = ProviderErrors.code(body, "error_code");
        switch (errorCode == null ? "" : errorCode.toUpperCase(Locale.ROOT)) {
            case "KOE320":
                log.info("Kakao refused the authorization code (HTTP {}, KOE320: unknown, expired or already used)", status);
                return ProviderErrors.rejected("Kakao refused the authorization code (KOE320)");
            case "KOE303":
                log.warn("Kakao refused the redirect_uri (HTTP {}, KOE303): it must equal the one used at authorize;"
                        + " check KAKAO_REDIRECT_URI and the redirectUri clients send", status);
                return ProviderErrors.rejected("Kakao refused the redirect_uri (KOE303)");
            case "KOE010":
                return ProviderErrors.configuration(KAKAO, "Kakao refused our client credentials", status, "KOE010",
                        "check KAKAO_CLIENT_SECRET (and that client secret use matches the Kakao app's setting)");
            case "KOE101":
                return ProviderErrors.configuration(KAKAO, "Kakao does not know our client_id", status, "KOE101", "check KAKAO_CLIENT_ID");
            case "KOE237":
                log.warn("Kakao token rate limit reached (HTTP {}, KOE237)", status);
                return ProviderErrors.unavailable("Kakao token rate limit reached (KOE237)");
            default:
                // an unknown or missing error_code: the OAuth error code decides (RFC 6749 §5.2)
                return OAUTH.from(status, body);
        }
    }

    /** An error answer of a kapi user API; {@code body} is {@code null} when not a JSON object. */
    static HttpErrors fromUserApi(String endpoint) {
        return (status, body) -> {
            Integer code = intCode(body);
            if (code != null && API_REJECTED.contains(code)) {
                log.info("Kakao {} refused the access token (HTTP {}, code {})", endpoint, status, code);
                return ProviderErrors.rejected("Kakao refused the access token (code " + code + ")");
            }
            if (code != null && API_CONFIGURATION.contains(code)) {
                return ProviderErrors.configuration(KAKAO, "Kakao " + endpoint + " refused our app's settings or permissions", status,
                        "code " + code, "check the Kakao app's settings and consent items in Kakao Developers");
            }
            log.warn("Kakao {} failed (HTTP {}, code {})", endpoint, status, code == null ? "none" : code);
            return ProviderErrors.unavailable("Kakao " + endpoint + " failed (HTTP " + status + (code == null ? "" : ", code " + code) + ")");
        };
    }

    /** {@code code} as an int, whether Kakao sends it as a number or a numeric string. */
    private static Integer intCode(JsonNode body) {
        JsonNode node = body == null ? null : body.get("code");
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
}
