package dev.sociallogin.application.port.in;

/** What a client presents to log in with a provider. */
public sealed interface ProviderCredential {

    /**
     * An OAuth authorization code.
     *
     * @param redirectUri the redirect URI the code was issued for, or {@code null} for the configured one
     */
    record AuthorizationCode(String code, String redirectUri) implements ProviderCredential {
        public AuthorizationCode {
            if (code == null || code.isBlank() || code.length() > 1024) {
                throw new IllegalArgumentException("code must be 1-1024 characters");
            }
            if (redirectUri != null && (redirectUri.isBlank() || redirectUri.length() > 2048)) {
                throw new IllegalArgumentException("redirectUri must be 1-2048 characters");
            }
        }

        @Override
        public String toString() {
            return "AuthorizationCode[redacted]";
        }
    }

    /**
     * What a provider's redirect brings back to our browser callback: the code and the {@code state}
     * from the query, and the {@code oauthState} cookie the authorize set. Any of them may be missing
     * ({@code null}); the use case answers {@code INVALID_STATE} when the state does not check out,
     * then {@code INVALID_REQUEST} when the code is missing.
     */
    record BrowserCallback(String code, String state, String flowCookie) implements ProviderCredential {
        public BrowserCallback {
            if (code != null && code.length() > 1024) {
                throw new IllegalArgumentException("code must be at most 1024 characters");
            }
        }

        @Override
        public String toString() {
            return "BrowserCallback[redacted]";
        }
    }

    /** An access token the provider issued to a mobile app of ours. */
    record ProviderAccessToken(String value) implements ProviderCredential {
        public ProviderAccessToken {
            if (value == null || value.isBlank() || value.length() > 4096) {
                throw new IllegalArgumentException("access token must be 1-4096 characters");
            }
        }

        @Override
        public String toString() {
            return "ProviderAccessToken[redacted]";
        }
    }
}
