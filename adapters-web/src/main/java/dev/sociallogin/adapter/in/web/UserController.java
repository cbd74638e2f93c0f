package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authenticated route: the current user, by Bearer header or by the access cookie. Which
 * tokens count is decided here (HTTP knowledge); when to refresh silently, in the use case.
 */
@RestController
final class UserController {

    private final GetCurrentUserUseCase currentUser;
    private final WebSettings settings;
    private final TokenCookies cookies;

    UserController(GetCurrentUserUseCase currentUser, WebSettings settings, TokenCookies cookies) {
        this.currentUser = currentUser;
        this.settings = settings;
        this.cookies = cookies;
    }

    @GetMapping("/api/users/me")
    ResponseEntity<UserResponse> me(HttpServletRequest request, HttpServletResponse response) {
        CurrentUser current = currentUser.currentUser(query(request));
        current.optionalRefreshed().ifPresent(tokens -> cookies.set(response, tokens));
        return LoginController.json(HttpStatus.OK, UserResponse.from(current.user()));
    }

    private CurrentUserQuery query(HttpServletRequest request) {
        String bearer = RequestTokens.bearer(request);
        if (bearer != null) {
            // a header-authenticated client manages its own tokens: never rotate its cookies behind its back
            return new CurrentUserQuery(bearer.isEmpty() ? null : bearer, null);
        }
        String access = RequestTokens.tokenCookie(request, TokenCookies.ACCESS, settings);
        // a request another site made the browser send (an <img>, a link) must not rotate the session
        String refresh = CrossSite.is(request, settings) ? null : RequestTokens.tokenCookie(request, TokenCookies.REFRESH, settings);
        return new CurrentUserQuery(access, refresh);
    }
}
