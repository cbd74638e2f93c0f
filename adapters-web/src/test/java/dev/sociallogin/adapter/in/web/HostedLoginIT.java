package dev.sociallogin.adapter.in.web;

import static dev.sociallogin.adapter.in.web.WebAdapterIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.port.out.HostedAuthorization;
import dev.sociallogin.domain.port.out.IdentityProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP, the web adapter driving the real services: a provider that hosts its authorize
 * step (a form served here, submitted back by POST, completed by the regular callback) and exists
 * for loopback clients only (the client as resolved behind trusted proxies), and the demo page.
 */
class HostedLoginIT {

    private static final ProviderName LOCAL = new ProviderName("local");
    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([A-Za-z0-9_-]+)\"");

    /** Loopback-only; its page is a form carrying the state; its code is {@code name:state}. */
    static final class LocalFormProvider implements IdentityProvider, HostedAuthorization {
        @Override
        public ProviderName name() {
            return LOCAL;
        }

        @Override
        public URI authorizationUrl(LoginFlow flow) {
            throw new AssertionError("a hosted provider is never asked for a URL");
        }

        @Override
        public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
            String[] parts = code.split(":");
            if (flow == null || parts.length != 2 || !flow.stateMatches(parts[1])) {
                throw new DomainException(ErrorCode.PROVIDER_REJECTED, "not a code of this flow");
            }
            return new ProviderProfile(new SocialIdentity(LOCAL, parts[0]), new Email(parts[0] + "@example.test"), true,
                    Nickname.of(parts[0]));
        }

        @Override
        public ProviderProfile profileFromAccessToken(String accessToken) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "no access tokens");
        }

        @Override
        public boolean loopbackOnly() {
            return true;
        }

        @Override
        public Optional<HostedAuthorization> hostedAuthorization() {
            return Optional.of(this);
        }

        @Override
        public String page(LoginFlow flow) {
            return "<!DOCTYPE html><form method=\"post\"><input type=\"hidden\" name=\"state\" value=\"" + flow.state()
                    + "\"><input name=\"name\"></form>";
        }

        @Override
        public String code(Map<String, String> fields, LoginFlow flow) {
            String name = fields.get("name");
            if (name == null || !name.matches("[a-z]{1,20}")) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "bad name");
            }
            return name + ":" + flow.state();
        }
    }

    private HttpHarness http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /** The peer (the test, on loopback) is a trusted proxy, so X-Forwarded-For names the client. */
    private void start(boolean demoPage) {
        RealStack stack = new RealStack(TokenPolicy.DEFAULTS, List.of(new LocalFormProvider()));
        WebSettings settings = new WebSettings(0, false, "Lax", null, true, List.of("https://app.example.test"), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(5), WebSettings.DEFAULT_BODY_READ_TIMEOUT, null, demoPage);
        RateLimitSettings limits = RateLimitSettings.from(Map.of("AUTH_TRUSTED_PROXIES", "127.0.0.0/8,::1",
                "AUTH_RATE_LIMIT_LOGIN", "off", "AUTH_RATE_LIMIT_REFRESH", "off")::get);
        http = HttpHarness.start(settings, limits, new SimpleMeterRegistry(), stack.useCases);
    }

    private Reply submit(String path, RequestBody body, String... headers) {
        return http.send(HttpHarness.withHeaders(http.request(path).post(body), headers));
    }

    private static String stateIn(Reply page) {
        Matcher matcher = STATE.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }

    @Test
    void loopbackClient_seesTheProvider_getsItsForm_andTheFormCompletesTheRegularCallback() {
        start(true);
        assertThat(http.get("/auth/providers").json().get("providers").toString()).isEqualTo("[\"kakao\",\"local\"]");

        Reply page = http.get("/auth/local/authorize");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("content-security-policy")).contains("default-src 'none'", "form-action 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        // not no-referrer: under it the browser would send Origin: null with the form, which the CSRF check refuses
        assertThat(page.header("referrer-policy")).isEqualTo("same-origin");
        String flowCookie = page.cookie("oauthState").value();
        String state = stateIn(page);

        Reply submitted = submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "ann").build(),
                "Cookie", "oauthState=" + flowCookie, "Origin", http.url("").replaceAll("/$", ""));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
        String location = submitted.header("location");
        assertThat(location).startsWith("/auth/local/callback?code=").contains("&state=" + state);

        Reply callback = http.get(location, "Cookie", "oauthState=" + flowCookie);
        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        assertThat(callback.json().get("user").get("username").asText()).isEqualTo("local_ann");
        assertThat(callback.json().get("message").asText()).isEqualTo("register success");
        assertThat(callback.cookie("accessToken").value()).isNotEmpty();
        // the callback used the flow up: the same form cannot log in again
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "ann").build(),
                "Cookie", "oauthState=" + flowCookie), 400, "invalid_state");
    }

    @Test
    void hostedForm_refusesAnotherState_noCookie_otherMediaTypes_foreignOrigins_badFields_andNonHostedProviders() {
        start(true);
        Reply page = http.get("/auth/local/authorize");
        String cookie = "oauthState=" + page.cookie("oauthState").value();
        String state = stateIn(page);
        String other = stateIn(http.get("/auth/local/authorize"));

        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", other).add("name", "ann").build(),
                "Cookie", cookie), 400, "invalid_state");
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "ann").build()),
                400, "invalid_state");
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "Ann <b>").build(),
                "Cookie", cookie), 400, "invalid_request");
        assertProblem(submit("/auth/local/authorize", RequestBody.create("{\"state\":\"" + state + "\"}",
                MediaType.get("application/json")), "Cookie", cookie), 415, "unsupported_media_type");
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "ann").build(),
                "Cookie", cookie, "Origin", "https://evil.example.test"), 403, "csrf_rejected");
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", state).add("name", "ann").build(),
                "Cookie", cookie, "Sec-Fetch-Site", "cross-site"), 403, "csrf_rejected");
        assertProblem(submit("/auth/kakao/authorize", new FormBody.Builder().add("state", state).build(), "Cookie", cookie),
                400, "invalid_request");
        // the JSON routes still refuse forms before reading them
        assertProblem(submit("/auth/kakao/login", new FormBody.Builder().add("code", "x").build()), 415, "unsupported_media_type");
    }

    @Test
    void clientBehindATrustedProxy_notOnLoopback_doesNotSeeTheProvider() {
        start(true);
        String[] remote = {"X-Forwarded-For", "203.0.113.7"};

        assertThat(http.get("/auth/providers", remote).json().get("providers").toString()).isEqualTo("[\"kakao\"]");
        assertProblem(http.get("/auth/local/authorize", remote), 404, "unknown_provider");
        assertProblem(submit("/auth/local/authorize", new FormBody.Builder().add("state", "s").add("name", "ann").build(), remote),
                404, "unknown_provider");
        assertProblem(http.get("/auth/local/callback?code=ann:s&state=s", remote), 404, "unknown_provider");
        assertProblem(http.postJson("/auth/local/login", "{\"code\":\"ann:s\"}", remote), 404, "unknown_provider");
        // a loopback client forwarded by the trusted proxy is on this machine
        assertThat(http.get("/auth/local/authorize", "X-Forwarded-For", "127.0.0.1").status()).isEqualTo(200);
    }

    @Test
    void demoPage_isServedWithAStrictPolicy_itsScriptAndStyleFromThisOrigin() {
        start(true);
        Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.header("content-security-policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("referrer-policy")).isEqualTo("same-origin");
        assertThat(page.body()).contains("<script src=\"/demo/app.js\" defer></script>", "href=\"/demo/app.css\"")
                .doesNotContain("style=", "onclick", "javascript:");
        // every script element has a src: no inline script
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page.body()).find()).isFalse();

        Reply script = http.get("/demo/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.body()).contains("/api/users/me", "/auth/refresh", "/auth/logout?scope=", "/auth/providers")
                .doesNotContain("document.cookie");
        Reply style = http.get("/demo/app.css");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
    }

    @Test
    void givenDemoPageOff_itsRoutesAnswerNotFound() {
        start(false);
        assertProblem(http.get("/"), 404, "not_found");
        assertProblem(http.get("/demo/app.js"), 404, "not_found");
        assertProblem(http.get("/demo/app.css"), 404, "not_found");
    }
}
