package dev.sociallogin.adapter.in.web;

import static dev.sociallogin.adapter.in.web.LoginController.json;

import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client does with its tokens: refresh (rotate), log out in a scope, verify. A token in the
 * body wins over the cookie; a token taken from a cookie makes the request cookie-authenticated
 * (CSRF-checked, and a 401 deletes the cookies).
 */
@RestController
final class TokenController {

    private final RefreshTokensUseCase refresh;
    private final LogoutUseCase logout;
    private final VerifyTokenUseCase verify;
    private final WebSettings settings;
    private final TokenCookies cookies;

    TokenController(RefreshTokensUseCase refresh, LogoutUseCase logout, VerifyTokenUseCase verify, WebSettings settings,
                    TokenCookies cookies) {
        this.refresh = refresh;
        this.logout = logout;
        this.verify = verify;
        this.settings = settings;
        this.cookies = cookies;
    }

    @PostMapping("/auth/refresh")
    ResponseEntity<TokenBody> refresh(@RequestBody(required = false) RequestBodies.Refresh body, HttpServletRequest request,
                                      HttpServletResponse response) {
        String token = body == null ? null : body.refresh();
        if (token == null) {
            token = RequestTokens.tokenCookie(request, TokenCookies.REFRESH, settings);
        }
        RefreshResult result = refresh.refresh(new RefreshCommand(token));
        cookies.set(response, result.tokens());
        return json(HttpStatus.OK, TokenBody.of(result.tokens(), settings.tokensInBody()));
    }

    @PostMapping("/auth/logout")
    ResponseEntity<Map<String, String>> logout(
            @RequestParam(name = "scope", required = false) String scopeText,
            @RequestBody(required = false) RequestBodies.Refresh body,
            HttpServletRequest request,
            HttpServletResponse response) {
        LogoutScope scope = LogoutScope.parse(scopeText).orElseThrow(() -> new WebException(WebError.INVALID_REQUEST));
        String refreshToken = body == null ? null : body.refresh();
        if (refreshToken == null) {
            refreshToken = RequestTokens.tokenCookie(request, TokenCookies.REFRESH, settings);
        }
        String accessToken = RequestTokens.bearer(request);
        if (accessToken == null) {
            accessToken = RequestTokens.tokenCookie(request, TokenCookies.ACCESS, settings);
        }
        logout.logout(new LogoutCommand(scope, accessToken == null || accessToken.isBlank() ? null : accessToken, refreshToken));
        if (scope != LogoutScope.OTHERS) {
            cookies.delete(response);
        }
        return json(HttpStatus.ACCEPTED, Map.of("message", "Logout success"));
    }

    @PostMapping("/auth/verify")
    ResponseEntity<Map<String, String>> verify(@RequestBody(required = false) RequestBodies.Verify body) {
        if (body == null || body.token() == null || body.token().isEmpty()) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        verify.verify(new VerifyTokenCommand(body.token()));
        return json(HttpStatus.OK, Map.of());
    }
}
