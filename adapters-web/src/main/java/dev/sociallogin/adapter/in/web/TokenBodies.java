package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.model.TokenPair;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code {"access": "...", "refresh": "..."}}, or {@code {}} when token strings must stay in cookies. */
final class TokenBodies {

    private TokenBodies() {
    }

    static Map<String, String> pair(TokenPair tokens, boolean tokensInBody) {
        Map<String, String> body = new LinkedHashMap<>();
        if (tokensInBody) {
            body.put("access", tokens.access().value());
            body.put("refresh", tokens.refresh().value());
        }
        return body;
    }
}
