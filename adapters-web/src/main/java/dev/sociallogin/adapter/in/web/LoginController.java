package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.HostedAuthorizationCommand;
import dev.sociallogin.application.port.in.HostedAuthorizationUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.application.port.in.ProvidersQuery;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.ProviderName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final HostedAuthorizationUseCase hosted;
    private final ClientAddress clients;

    LoginController(LogInWithProviderUseCase logIn, AuthorizationUrlUseCase authorizationUrl, ListProvidersUseCase providers,
                    HostedAuthorizationUseCase hosted, WebSettings settings, TokenCookies cookies, ClientAddress clients) {
        this.logIn = logIn;
        this.authorizationUrl = authorizationUrl;
        this.providers = providers;
        this.hosted = hosted;
        this.settings = settings;
        this.cookies = cookies;
        this.clients = clients;
    }

    @GetMapping("/auth/providers")
    ResponseEntity<Map<String, List<String>>> providers(HttpServletRequest request) {
        List<String> names = providers.enabledProviders(new ProvidersQuery(loopback(request))).stream().map(ProviderName::value).toList();
        return json(HttpStatus.OK, Map.of("providers", names));
    }

    /**
     * 302 to the provider's authorize URL; for a provider that hosts its authorize step here, 200 with
     * its page (under a strict Content-Security-Policy). Either way the {@code oauthState} cookie.
     */
    @GetMapping("/auth/{provider}/authorize")
    ResponseEntity<String> authorize(@PathVariable("provider") String provider, HttpServletRequest request,
            HttpServletResponse response) {
        ProviderName name = providerName(provider);
        AuthorizationRedirect redirect = authorizationUrl.authorizationUrl(new AuthorizationUrlQuery(name, loopback(request)));
        cookies.setState(response, redirect.flowCookie(), redirect.lifetime());
        if (redirect.hostedPage().isPresent()) {
            return HtmlPages.html(hostedPagePolicy()).body(redirect.hostedPage().get());
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect.location()).build();
    }

    /**
     * A provider's hosted authorize form, submitted: the use case checks the form's state against the
     * {@code oauthState} cookie and asks the provider for a code, and the browser is sent to the
     * regular callback with it, exactly as from a provider's own authorize page.
     */
    @PostMapping("/auth/{provider}/authorize")
    ResponseEntity<Void> submitAuthorize(@PathVariable("provider") String provider, HttpServletRequest request) throws IOException {
        ProviderName name = providerName(provider);
        if (CrossSite.is(request, settings)) {
            // the form is this service's own page: another site has no business submitting it
            throw new WebException(WebError.CSRF_REJECTED);
        }
        Map<String, String> fields = FormBody.read(request);
        String state = fields.get("state");
        String code = hosted.authorizationCode(new HostedAuthorizationCommand(name, state,
                RequestTokens.cookie(request, TokenCookies.STATE), fields, loopback(request)));
        URI callback = UriComponentsBuilder.fromPath("/auth/" + name.value() + "/callback")
                .queryParam("code", code).queryParam("state", state).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(callback).build();
    }

    /** The hosted page posts to itself; the redirects after it end at the login redirect URL, which may be another origin. */
    private String hostedPagePolicy() {
        String formAction = "'self'";
        if (settings.loginRedirectUrl() != null) {
            URI target = URI.create(settings.loginRedirectUrl());
            formAction += " " + target.getScheme() + "://" + target.getRawAuthority();
        }
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private boolean loopback(HttpServletRequest request) {
        return clients.of(request).isLoopbackAddress();
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
        LoginResult result = logIn.logIn(new LogInCommand(name, callback, loopback(request)));
        cookies.set(response, result.tokens());
        return result;
    }

    @PostMapping("/auth/{provider}/login")
    ResponseEntity<LoginResponse> login(
            @PathVariable("provider") String provider,
            @RequestBody(required = false) RequestBodies.Login body,
            HttpServletRequest request,
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
        LoginResult result = logIn.logIn(new LogInCommand(name, credential, loopback(request)));
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
