package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.RefreshResult;
import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.ProviderName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The public routes: provider login (browser redirect flow and the SPA/mobile form), refresh,
 * logout, verify, the provider list. None of them authenticates by the access cookie, so a stale
 * one never gets in the way.
 */
@RestController
final class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);

    private final WebUseCases useCases;
    private final WebSettings settings;
    private final TokenCookies cookies;
    private final OAuthState states = new OAuthState();

    AuthController(WebUseCases useCases, WebSettings settings, TokenCookies cookies) {
        this.useCases = useCases;
        this.settings = settings;
        this.cookies = cookies;
    }

    @GetMapping("/auth/providers")
    ResponseEntity<Map<String, List<String>>> providers() {
        List<String> names = useCases.listProviders().enabledProviders().stream().map(ProviderName::value).toList();
        return json(HttpStatus.OK, Map.of("providers", names));
    }

    @GetMapping("/auth/{provider}/authorize")
    ResponseEntity<Void> authorize(@PathVariable("provider") String provider, HttpServletResponse response) {
        ProviderName name = providerName(provider);
        String state = states.next();
        URI location = useCases.authorizationUrl().authorizationUrl(new AuthorizationUrlQuery(name, state));
        cookies.setState(response, state);
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    @GetMapping("/auth/{provider}/callback")
    ResponseEntity<?> callback(
            @PathVariable("provider") String provider,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (settings.loginRedirectUrl() == null) {
            return json(HttpStatus.OK, LoginResponse.from(completeCallback(provider, code, state, error, request, response),
                    settings.tokensInBody()));
        }
        // a browser that was sent to the provider comes back to the application, also when it failed
        URI target;
        try {
            completeCallback(provider, code, state, error, request, response);
            target = URI.create(settings.loginRedirectUrl());
        } catch (WebException | DomainException e) {
            WebError failure = e instanceof WebException web ? web.error() : WebError.of(((DomainException) e).code());
            if (failure.status() >= 500) {
                // DomainException messages are written for logs: they never carry a token, code or SQL
                LOG.warn("GET {} failed: {} ({})", RequestLogFilter.safePath(request), failure.code(), e.getMessage());
            }
            target = UriComponentsBuilder.fromUriString(settings.loginRedirectUrl()).queryParam("error", failure.code()).build().toUri();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
    }

    /** Checks the callback, logs the user in and sets the token cookies. */
    private LoginResult completeCallback(String provider, String code, String state, String error, HttpServletRequest request,
            HttpServletResponse response) {
        // a state is good for one callback, whatever its outcome
        cookies.deleteState(response);
        ProviderName name = providerName(provider);
        String expected = RequestTokens.cookie(request, TokenCookies.STATE);
        if (error != null) {
            throw new WebException(WebError.PROVIDER_REJECTED);
        }
        if (!OAuthState.matches(expected, state)) {
            throw new WebException(WebError.INVALID_STATE);
        }
        if (code == null || code.isBlank()) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        LoginResult result = useCases.logIn().logIn(new LogInCommand(name, authorizationCode(code, null)));
        cookies.set(response, result.tokens());
        return result;
    }

    @PostMapping("/auth/{provider}/login")
    ResponseEntity<LoginResponse> login(
            @PathVariable("provider") String provider,
            @RequestBody(required = false) JsonBody body,
            HttpServletResponse response) {
        ProviderName name = providerName(provider);
        JsonNode object = JsonFields.object(body, true);
        String code = JsonFields.optionalText(object, "code");
        String redirectUri = JsonFields.optionalText(object, "redirectUri");
        String accessToken = JsonFields.optionalText(object, "accessToken");
        ProviderCredential credential;
        if (code != null && accessToken == null) {
            credential = authorizationCode(code, redirectUri);
        } else if (accessToken != null && code == null && redirectUri == null) {
            credential = providerAccessToken(accessToken);
        } else {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        LoginResult result = useCases.logIn().logIn(new LogInCommand(name, credential));
        cookies.set(response, result.tokens());
        return json(HttpStatus.OK, LoginResponse.from(result, settings.tokensInBody()));
    }

    @PostMapping("/auth/refresh")
    ResponseEntity<TokenBody> refresh(
            @RequestBody(required = false) JsonBody body,
            HttpServletRequest request,
            HttpServletResponse response) {
        String token = JsonFields.optionalText(JsonFields.object(body, false), "refresh");
        if (token == null) {
            token = RequestTokens.cookie(request, TokenCookies.REFRESH);
            if (token != null) {
                RequestTokens.markCookieAuthenticated(request);
            }
        }
        RefreshResult result = useCases.refreshTokens().refresh(new RefreshCommand(token));
        cookies.set(response, result.tokens());
        return json(HttpStatus.OK, TokenBody.of(result.tokens(), settings.tokensInBody()));
    }

    @PostMapping("/auth/logout")
    ResponseEntity<Map<String, String>> logout(
            @RequestParam(name = "scope", required = false) String scopeText,
            @RequestBody(required = false) JsonBody body,
            HttpServletRequest request,
            HttpServletResponse response) {
        LogoutScope scope = LogoutScope.parse(scopeText).orElseThrow(() -> new WebException(WebError.INVALID_REQUEST));
        String refreshToken = JsonFields.optionalText(JsonFields.object(body, false), "refresh");
        boolean fromCookie = false;
        if (refreshToken == null) {
            refreshToken = RequestTokens.cookie(request, TokenCookies.REFRESH);
            fromCookie = refreshToken != null;
        }
        String accessToken = RequestTokens.bearer(request);
        if (accessToken == null) {
            accessToken = RequestTokens.cookie(request, TokenCookies.ACCESS);
            fromCookie |= accessToken != null;
        }
        if (fromCookie) {
            RequestTokens.markCookieAuthenticated(request);
        }
        useCases.logout().logout(new LogoutCommand(scope, blankToNull(accessToken), refreshToken));
        if (scope != LogoutScope.OTHERS) {
            cookies.delete(response);
        }
        return json(HttpStatus.ACCEPTED, Map.of("message", "Logout success"));
    }

    @PostMapping("/auth/verify")
    ResponseEntity<Map<String, String>> verify(@RequestBody(required = false) JsonBody body) {
        String token = JsonFields.requiredText(JsonFields.object(body, true), "token");
        useCases.verifyToken().verify(new VerifyTokenCommand(token));
        return json(HttpStatus.OK, Map.of());
    }

    /** A malformed provider segment is a bad request; a well-formed unknown one is the use case's 404. */
    private static ProviderName providerName(String segment) {
        return ProviderName.parse(segment).orElseThrow(() -> new WebException(WebError.INVALID_REQUEST));
    }

    private static ProviderCredential authorizationCode(String code, String redirectUri) {
        try {
            return new ProviderCredential.AuthorizationCode(code, redirectUri);
        } catch (IllegalArgumentException e) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
    }

    private static ProviderCredential providerAccessToken(String token) {
        try {
            return new ProviderCredential.ProviderAccessToken(token);
        } catch (IllegalArgumentException e) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static <T> ResponseEntity<T> json(HttpStatus status, T body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
