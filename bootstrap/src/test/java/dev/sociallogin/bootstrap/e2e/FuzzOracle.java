package dev.sociallogin.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * What every fuzzed answer must be, whatever was sent: never a 5xx; an error is
 * {@code application/problem+json} whose {@code code} is one of the contract's and whose
 * {@code status} equals the HTTP status; a success only where the caller says one is allowed.
 */
final class FuzzOracle {

    /** The contract's codes (v1 and the v1.1 additions). */
    static final Set<String> CODES = Set.of("invalid_request", "invalid_state", "token_missing", "token_not_valid",
            "token_expired", "token_revoked", "token_reused", "provider_rejected", "csrf_rejected", "cors_rejected",
            "unknown_provider", "not_found", "method_not_allowed", "not_acceptable", "payload_too_large",
            "unsupported_media_type", "provider_error", "unavailable", "rate_limited");

    /** Environment of the fuzzed service: Kakao at the fake, nothing rate-limited (every request is from 127.0.0.1). */
    static Map<String, String> env(KakaoFake kakao, String dataDir) {
        return Map.of("AUTH_DATA_DIR", dataDir, "KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID,
                "KAKAO_APP_ID", Long.toString(KakaoFake.APP_ID), "KAKAO_AUTH_BASE_URL", kakao.baseUrl(),
                "KAKAO_API_BASE_URL", kakao.baseUrl(), "AUTH_RATE_LIMIT_LOGIN", "off", "AUTH_RATE_LIMIT_REFRESH", "off");
    }

    private FuzzOracle() {
    }

    /**
     * Fails unless {@code reply} is a well-formed answer: a status in {@code allowedSuccess} (none: no
     * success allowed), or a contract problem with one of {@code allowedCodes} (none given: any
     * contract code).
     */
    static void check(String what, Http.Reply reply, Set<Integer> allowedSuccess, String... allowedCodes) {
        if (reply.status() >= 500) {
            throw new AssertionError(what + ": server error " + reply);
        }
        if (allowedSuccess.contains(reply.status())) {
            return;
        }
        if (reply.status() < 400) {
            throw new AssertionError(what + ": success " + reply);
        }
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            throw new AssertionError(what + ": error without application/problem+json (" + type + "): " + reply);
        }
        JsonNode body;
        try {
            body = Http.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(what + ": problem body is not JSON: " + reply, e);
        }
        String code = body.path("code").asText(null);
        if (code == null || !CODES.contains(code)) {
            throw new AssertionError(what + ": not a contract code: " + reply);
        }
        if (body.path("status").asInt() != reply.status()) {
            throw new AssertionError(what + ": body status differs from the HTTP status: " + reply);
        }
        if (allowedCodes.length > 0 && !Set.of(allowedCodes).contains(code)) {
            throw new AssertionError(what + ": code " + code + " not among " + Set.of(allowedCodes) + ": " + reply);
        }
    }

    /**
     * True when {@code candidate} is {@code original} spelled otherwise: every segment decodes to the
     * same bytes (a trailing {@code =}, other padding bits in the last character, the standard base64
     * alphabet). Accepting such a spelling is issue 9's item 5 (open, not this suite's to fix): the
     * main properties leave these out and {@code TokenFuzzIT} keeps them as a disabled regression.
     */
    static boolean sameTokenOtherSpelling(String candidate, String original) {
        if (candidate.equals(original)) {
            return false;
        }
        String[] a = candidate.split("\\.", -1);
        String[] b = original.split("\\.", -1);
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            byte[] x = lenientDecode(a[i]);
            byte[] y = lenientDecode(b[i]);
            if (x == null || y == null || !java.util.Arrays.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] lenientDecode(String segment) {
        String s = segment.replace('+', '-').replace('/', '_');
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        try {
            return Base64.getUrlDecoder().decode(s.substring(0, end));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
