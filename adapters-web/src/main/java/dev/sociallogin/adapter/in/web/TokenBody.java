package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sociallogin.domain.model.TokenPair;

/**
 * {@code {"access": "...", "refresh": "..."}}, or {@code {}} when token strings must stay in
 * cookies. Its toString hides the tokens, since Spring logs response bodies at DEBUG.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenBody(String access, String refresh) {

    static TokenBody of(TokenPair tokens, boolean tokensInBody) {
        return tokensInBody ? new TokenBody(tokens.access().value(), tokens.refresh().value()) : new TokenBody(null, null);
    }

    @Override
    public String toString() {
        return "TokenBody[redacted]";
    }
}
