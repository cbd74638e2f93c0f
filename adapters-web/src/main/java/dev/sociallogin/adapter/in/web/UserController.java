package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The authenticated route: the current user, by Bearer header or by the access cookie. */
@RestController
final class UserController {

    private final WebUseCases useCases;
    private final TokenCookies cookies;

    UserController(WebUseCases useCases, TokenCookies cookies) {
        this.useCases = useCases;
        this.cookies = cookies;
    }

    @GetMapping("/api/users/me")
    ResponseEntity<UserResponse> me(HttpServletRequest request, HttpServletResponse response) {
        String bearer = RequestTokens.bearer(request);
        CurrentUserQuery query;
        if (bearer != null) {
            // a header-authenticated client manages its own tokens: never rotate its cookies behind its back
            query = new CurrentUserQuery(bearer.isEmpty() ? null : bearer, null);
        } else {
            String access = RequestTokens.cookie(request, TokenCookies.ACCESS);
            String refresh = RequestTokens.cookie(request, TokenCookies.REFRESH);
            if (access != null) {
                RequestTokens.markCookieAuthenticated(request);
                query = new CurrentUserQuery(access, refresh);
            } else if (refresh != null) {
                // the access cookie's Max-Age is the token's lifetime, so a browser stops sending it
                // exactly when it expires: a lone refresh cookie is the expired case, rotate silently
                RequestTokens.markCookieAuthenticated(request);
                RefreshResult rotated = useCases.refreshTokens().refresh(new RefreshCommand(refresh));
                cookies.set(response, rotated.tokens());
                return AuthController.json(HttpStatus.OK, UserResponse.from(rotated.user()));
            } else {
                query = new CurrentUserQuery(null, null);
            }
        }
        CurrentUser current = useCases.currentUser().currentUser(query);
        current.optionalRefreshed().ifPresent(tokens -> cookies.set(response, tokens));
        return AuthController.json(HttpStatus.OK, UserResponse.from(current.user()));
    }
}
