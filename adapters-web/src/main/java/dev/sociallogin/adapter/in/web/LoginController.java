package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.ProviderName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

/**
 * Logging in through a provider: the provider list, the browser redirect flow (authorize and
 * callback, bound to the browser by the {@code oauthState} cookie that carries the sealed login flow)
 * and the single-page/mobile form.
 * None of them authenticates by the access cookie, so a stale one never gets in the way.
 */
@RestController
final class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final LogInWithProviderUseCase logIn;
    private final AuthorizationUrlUseCase authorizationUrl;
    private final ListProvidersUseCase providers;
    private final WebSettings settings;
    private final TokenCookies cookies;

    LoginController(LogInWithProviderUseCase logIn, AuthorizationUrlUseCase authorizationUrl, ListProvidersUseCase providers,
                    WebSettings settings, TokenCookies cookies) {
        this.logIn = logIn;
        this.authorizationUrl = authorizationUrl;
        this.providers = providers;
        this.settings = settings;
        this.cookies = cookies;
    }

    @GetMapping("/auth/providers")
    ResponseEntity<Map<String, List<String>>> providers() {
        List<String> names = providers.enabledProviders().stream().map(ProviderName::value).toList();
        return json(HttpStatus.OK, Map.of("providers", names));
    }

    @GetMapping("/auth/{provider}/authorize")
    ResponseEntity<Void> authorize(@PathVariable("provider") String provider, HttpServletResponse response) {
        ProviderName name = providerName(provider);
        AuthorizationRedirect redirect = authorizationUrl.authorizationUrl(new AuthorizationUrlQuery(name));
        cookies.setState(response, redirect.flowCookie(), redirect.lifetime());
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect.location()).build();
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

    /**
     * Logs the user in from the provider's redirect and sets the token cookies. The use case checks
     * the state against the flow in the {@code oauthState} cookie (and uses the flow up).
     */
    private LoginResult completeCallback(String provider, String code, String state, String error, HttpServletRequest request,
            HttpServletResponse response) {
        // a state is good for one callback, whatever its outcome
        cookies.deleteState(response);
        ProviderName name = providerName(provider);
        if (error != null) {
            throw new WebException(WebError.PROVIDER_REJECTED);
        }
        String flowCookie = RequestTokens.cookie(request, TokenCookies.STATE);
        ProviderCredential callback = valid(() -> new ProviderCredential.BrowserCallback(code, state, flowCookie));
        LoginResult result = logIn.logIn(new LogInCommand(name, callback));
        cookies.set(response, result.tokens());
        return result;
    }

    @PostMapping("/auth/{provider}/login")
    ResponseEntity<LoginResponse> login(
            @PathVariable("provider") String provider,
            @RequestBody(required = false) RequestBodies.Login body,
            HttpServletResponse response) {
        ProviderName name = providerName(provider);
        if (body == null) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        ProviderCredential credential;
        if (body.code() != null && body.accessToken() == null) {
            credential = authorizationCode(body.code(), body.redirectUri());
        } else if (body.accessToken() != null && body.code() == null && body.redirectUri() == null) {
            credential = valid(() -> new ProviderCredential.ProviderAccessToken(body.accessToken()));
        } else {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        LoginResult result = logIn.logIn(new LogInCommand(name, credential));
        cookies.set(response, result.tokens());
        return json(HttpStatus.OK, LoginResponse.from(result, settings.tokensInBody()));
    }

    /** A malformed provider segment is a bad request; a well-formed unknown one is the use case's 404. */
    private static ProviderName providerName(String segment) {
        return ProviderName.parse(segment).orElseThrow(() -> new WebException(WebError.INVALID_REQUEST));
    }

    private static ProviderCredential authorizationCode(String code, String redirectUri) {
        return valid(() -> new ProviderCredential.AuthorizationCode(code, redirectUri));
    }

    /** A credential the command refuses (blank, overlong) is the client's mistake. */
    private static ProviderCredential valid(java.util.function.Supplier<ProviderCredential> credential) {
        try {
            return credential.get();
        } catch (IllegalArgumentException e) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
    }

    static <T> ResponseEntity<T> json(HttpStatus status, T body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
