package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.LoginResult;

import java.util.Map;

/** {@code {"user": {...}, "message": "login success" | "register success", "token": {...}}}. */
record LoginResponse(UserResponse user, String message, Map<String, String> token) {

    static LoginResponse from(LoginResult result, boolean tokensInBody) {
        return new LoginResponse(
                UserResponse.from(result.user()),
                result.registered() ? "register success" : "login success",
                TokenBodies.pair(result.tokens(), tokensInBody));
    }
}
