package dev.sociallogin.adapter.in.web;

/**
 * The JSON bodies the API reads, as typed records: a field of the wrong JSON type (a number where a
 * string belongs) fails to read and answers 400 {@code invalid_request}, unknown fields are ignored.
 * Each {@code toString} hides the content (tokens, codes): Spring logs request bodies at DEBUG.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code POST /auth/{provider}/login}: {@code {"code", "redirectUri"}} or {@code {"accessToken"}}. */
    record Login(String code, String redirectUri, String accessToken) {
        @Override
        public String toString() {
            return "Login[redacted]";
        }
    }

    /** {@code POST /auth/refresh} and {@code POST /auth/logout}: {@code {"refresh"}}, optional (else the cookie). */
    record Refresh(String refresh) {
        @Override
        public String toString() {
            return "Refresh[redacted]";
        }
    }

    /** {@code POST /auth/verify}: {@code {"token"}}. */
    record Verify(String token) {
        @Override
        public String toString() {
            return "Verify[redacted]";
        }
    }
}
