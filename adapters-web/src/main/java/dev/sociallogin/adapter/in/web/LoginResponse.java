package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.LoginResult;

/** {@code {"user": {...}, "message": "login success" | "register success", "token": {...}}}. */
record LoginResponse(UserResponse user, String message, TokenBody token) {

    static LoginResponse from(LoginResult result, boolean tokensInBody) {
        return new LoginResponse(
                UserResponse.from(result.user()),
                result.registered() ? "register success" : "login success",
                TokenBody.of(result.tokens(), tokensInBody));
    }
}
