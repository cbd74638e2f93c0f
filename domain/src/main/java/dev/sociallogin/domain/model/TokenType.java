package dev.sociallogin.domain.model;

/** The {@code token_type} claim: an access token is refused where a refresh token is expected, and the reverse. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
