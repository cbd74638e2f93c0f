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
