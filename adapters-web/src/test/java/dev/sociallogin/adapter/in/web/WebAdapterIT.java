package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import dev.sociallogin.adapter.in.web.HttpHarness.SetCookie;
import dev.sociallogin.application.port.in.AuthorizationRedirect;
import dev.sociallogin.application.port.in.AuthorizationUrlQuery;
import dev.sociallogin.application.port.in.CurrentUser;
import dev.sociallogin.application.port.in.CurrentUserQuery;
import dev.sociallogin.application.port.in.LogInCommand;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.ProviderCredential;
import dev.sociallogin.application.port.in.RefreshCommand;
import dev.sociallogin.application.port.in.VerifyTokenCommand;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.TokenPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's own behaviour over real HTTP, against scripted use cases. */
class WebAdapterIT {

    private static final String APP_ORIGIN = "https://app.example.test";

    // one server for the default settings (starting Tomcat per test would triple the run time);
    // tests of other settings start their own
    private static final StubUseCases stubs = new StubUseCases();
    private static HttpHarness shared;
    private HttpHarness own;
    private HttpHarness http;

    @BeforeAll
    static void startShared() {
        shared = HttpHarness.start(new WebSettings(0, true, "None", null, true, List.of(APP_ORIGIN), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)), stubs.useCases());
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @BeforeEach
    void reset() {
        stubs.reset();
        http = shared;
    }

    @AfterEach
    void stopOwn() {
        if (own != null) {
            own.close();
        }
    }

    private HttpHarness startWith(WebSettings settings) {
        own = HttpHarness.start(settings, stubs.useCases());
        http = own;
        return http;
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("type").isTextual()).isTrue();
        assertThat(body.get("title").isTextual()).isTrue();
        assertThat(body.get("detail").isTextual()).isTrue();
        assertThat(reply.body()).doesNotContain("SECRET", "Exception", "\tat ", "Tomcat", "<html");
    }

    // ---------------------------------------------------------------- health and providers

    @Test
    void givenHealthyStorage_health_answersUp() {
        Reply reply = http.get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(HttpHarness.MAPPER.createObjectNode().put("status", "UP"));
    }

    @Test
    void givenUnreachableStorage_health_answersDown503() {
        stubs.health = () -> false;
        Reply reply = http.get("/health");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void givenFailingHealthCheck_health_answersDownNot500() {
        stubs.health = () -> {
            throw StubUseCases.failure(ErrorCode.STORAGE_UNAVAILABLE);
        };
        assertThat(http.get("/health").status()).isEqualTo(503);
    }

    @Test
    void providers_listsTheEnabledProviders() {
        stubs.listProviders = query -> List.of(ProviderName.KAKAO, new ProviderName("naver"));
        Reply reply = http.get("/auth/providers");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("providers").toString()).isEqualTo("[\"kakao\",\"naver\"]");
    }

    // ---------------------------------------------------------------- authorize and callback

    @Test
    void authorize_redirectsAndPutsTheSealedFlowIntoAnHttpOnlyLaxCookieForItsLifetime() {
        stubs.authorizationUrl = query -> new AuthorizationRedirect(URI.create("https://idp.example.test/authorize?state=st"),
                "f1.sealed-flow_42", Duration.ofMinutes(7));
        Reply first = http.get("/auth/kakao/authorize");
        assertThat(first.status()).isEqualTo(302);
        AuthorizationUrlQuery query = stubs.last(AuthorizationUrlQuery.class);
        assertThat(query.provider()).isEqualTo(ProviderName.KAKAO);
        assertThat(first.header("location")).isEqualTo("https://idp.example.test/authorize?state=st");
        SetCookie state = first.cookie("oauthState");
        assertThat(state.value()).isEqualTo("f1.sealed-flow_42");
        assertThat(state.has("HttpOnly")).isTrue();
        assertThat(state.has("Secure")).isTrue();
        assertThat(state.attribute("SameSite")).isEqualTo("Lax");
        assertThat(state.attribute("Path")).isEqualTo("/");
        assertThat(state.maxAge()).isEqualTo(420);
    }

    @Test
    void givenUppercaseProvider_authorize_readsItLeniently() {
        assertThat(http.get("/auth/KAKAO/authorize").status()).isEqualTo(302);
        assertThat(stubs.last(AuthorizationUrlQuery.class).provider()).isEqualTo(ProviderName.KAKAO);
    }

    @Test
    void givenMalformedProviderName_authorize_answers400() {
        assertProblem(http.get("/auth/k!/authorize"), 400, "invalid_request");
        assertThat(stubs.commands).isEmpty();
    }

    @Test
    void givenUnknownProvider_authorize_answers404() {
        stubs.authorizationUrl = query -> {
            throw StubUseCases.failure(ErrorCode.UNKNOWN_PROVIDER);
        };
        assertProblem(http.get("/auth/google/authorize"), 404, "unknown_provider");
    }

    @Test
    void givenCallback_callback_handsCodeStateAndCookieToTheUseCaseSetsCookiesAndDeletesTheStateCookie() {
        TokenPair tokens = stubs.pair("cb");
        stubs.logIn = command -> new LoginResult(StubUseCases.USER, true, tokens);
        Reply reply = http.get("/auth/kakao/callback?code=the-code&state=s1234567890123456789012",
                "Cookie", "oauthState=s1234567890123456789012");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("message").asText()).isEqualTo("register success");
        assertThat(body.get("user").get("username").asText()).isEqualTo("kakao_4242");
        assertThat(body.get("user").get("id").asLong()).isEqualTo(1);
        assertThat(body.get("user").get("email").asText()).isEqualTo("a@b.c");
        assertThat(body.get("user").get("property").asLong()).isEqualTo(3_000_000L);
        assertThat(body.get("user").get("lastLogin").asText()).isEqualTo("2026-11-27T09:30:00Z");
        assertThat(body.get("user").get("dateJoined").asText()).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(body.get("token").get("access").asText()).isEqualTo(tokens.access().value());
        assertThat(body.get("token").get("refresh").asText()).isEqualTo(tokens.refresh().value());

        LogInCommand command = stubs.last(LogInCommand.class);
        assertThat(command.provider()).isEqualTo(ProviderName.KAKAO);
        assertThat(command.credential()).isEqualTo(
                new ProviderCredential.BrowserCallback("the-code", "s1234567890123456789012", "s1234567890123456789012"));
        assertThat(reply.cookie("accessToken").value()).isEqualTo(tokens.access().value());
        assertThat(reply.cookie("refreshToken").value()).isEqualTo(tokens.refresh().value());
        assertThat(reply.cookie("oauthState").maxAge()).isZero();
    }

    @Test
    void givenNoStateCookieOrNoState_callback_handsThemOnAsMissing() {
        http.get("/auth/kakao/callback?code=c&state=s1234567890123456789012");
        assertThat(stubs.last(LogInCommand.class).credential())
                .isEqualTo(new ProviderCredential.BrowserCallback("c", "s1234567890123456789012", null));
        http.get("/auth/kakao/callback?code=c", "Cookie", "oauthState=f1.abc");
        assertThat(stubs.last(LogInCommand.class).credential()).isEqualTo(new ProviderCredential.BrowserCallback("c", null, "f1.abc"));
    }

    @Test
    void givenStateTheUseCaseRefuses_callback_answersInvalidStateAndDeletesTheStateCookie() {
        stubs.logIn = command -> {
            throw StubUseCases.failure(ErrorCode.INVALID_STATE);
        };
        Reply reply = http.get("/auth/kakao/callback?code=c&state=s1234567890123456789012", "Cookie", "oauthState=f1.abc");
        assertProblem(reply, 400, "invalid_state");
        assertThat(reply.cookie("oauthState").maxAge()).isZero();
        assertThat(reply.cookie("accessToken")).isNull();
    }

    @Test
    void givenOverlongCode_callback_answersInvalidRequestWithoutTheUseCase() {
        assertProblem(http.get("/auth/kakao/callback?code=" + "c".repeat(1025) + "&state=s", "Cookie", "oauthState=f1.abc"), 400,
                "invalid_request");
        assertThat(stubs.last(LogInCommand.class)).isNull();
    }

    @Test
    void givenUndecodableQuery_callback_answersInvalidRequestNot500() {
        assertProblem(http.get("/auth/kakao/callback?code=a&state=%zz", "Cookie", "oauthState=s1234567890123456789012"), 400,
                "invalid_request");
        assertProblem(http.postEmpty("/auth/logout?scope=%zz"), 400, "invalid_request");
    }

    @Test
    void givenProviderError_callback_answersProviderRejected() {
        Reply reply = http.get("/auth/kakao/callback?error=access_denied&state=s1234567890123456789012",
                "Cookie", "oauthState=s1234567890123456789012");
        assertProblem(reply, 401, "provider_rejected");
        assertThat(reply.cookie("oauthState").maxAge()).isZero();
        assertThat(stubs.last(LogInCommand.class)).isNull();
    }

    @Test
    void givenLoginRedirectUrl_callback_redirectsWithCookies() {
        startWith(new WebSettings(0, true, "Lax", null, true, List.of(), "https://app.example.test/after-login",
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        Reply reply = http.get("/auth/kakao/callback?code=c&state=s1234567890123456789012",
                "Cookie", "oauthState=s1234567890123456789012");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("location")).isEqualTo("https://app.example.test/after-login");
        assertThat(reply.cookie("accessToken").attribute("SameSite")).isEqualTo("Lax");
        assertThat(reply.cookie("refreshToken").value()).startsWith("refresh-a-");
    }

    @Test
    void givenLoginRedirectUrl_aFailedCallback_sendsTheBrowserBackWithTheErrorCode() {
        startWith(new WebSettings(0, true, "Lax", null, true, List.of(), "https://app.example.test/after-login?from=kakao#top",
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        String stateCookie = "oauthState=s1234567890123456789012";

        // the user cancelled at the provider
        Reply cancelled = http.get("/auth/kakao/callback?error=access_denied&state=s1234567890123456789012", "Cookie", stateCookie);
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(cancelled.header("location")).isEqualTo("https://app.example.test/after-login?from=kakao&error=provider_rejected#top");
        assertThat(cancelled.cookie("oauthState").maxAge()).isZero();
        assertThat(cancelled.cookie("accessToken")).isNull();

        assertThat(stubs.last(LogInCommand.class)).isNull();
        stubs.logIn = command -> {
            throw StubUseCases.failure(ErrorCode.INVALID_STATE);
        };
        Reply forged = http.get("/auth/kakao/callback?code=c&state=s1234567890123456789099", "Cookie", stateCookie);
        assertThat(forged.header("location")).endsWith("&error=invalid_state#top");
        assertThat(forged.cookie("accessToken")).isNull();
        stubs.logIn = command -> {
            throw StubUseCases.failure(ErrorCode.INVALID_REQUEST);
        };
        assertThat(http.get("/auth/kakao/callback?state=s1234567890123456789012", "Cookie", stateCookie).header("location"))
                .endsWith("&error=invalid_request#top");

        stubs.logIn = command -> {
            throw new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, "Kakao token endpoint unreachable");
        };
        Reply providerDown = http.get("/auth/kakao/callback?code=c&state=s1234567890123456789012", "Cookie", stateCookie);
        assertThat(providerDown.status()).isEqualTo(302);
        assertThat(providerDown.header("location")).endsWith("&error=provider_error#top");
        assertThat(providerDown.cookie("refreshToken")).isNull();
        assertThat(providerDown.body()).isEmpty();
    }

    @Test
    void givenNoLoginRedirectUrl_aFailedCallback_staysAProblem() {
        stubs.logIn = command -> {
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "code refused");
        };
        assertProblem(http.get("/auth/kakao/callback?code=c&state=s1234567890123456789012",
                "Cookie", "oauthState=s1234567890123456789012"), 401, "provider_rejected");
    }

    // ---------------------------------------------------------------- cookies

    @Test
    void tokenCookies_areHttpOnlyPathRootWithConfiguredAttributesAndRemainingLifetime() {
        startWith(new WebSettings(0, true, "Strict", "example.test", true, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        TokenPair tokens = stubs.pair("c");
        stubs.logIn = command -> new LoginResult(StubUseCases.USER, false, tokens);
        // an hour after issue: Max-Age is what is left, not the full lifetime
        stubs.clock.advance(java.time.Duration.ofHours(1));
        Reply reply = http.postJson("/auth/kakao/login", "{\"code\":\"c\"}");

        SetCookie access = reply.cookie("accessToken");
        SetCookie refresh = reply.cookie("refreshToken");
        for (SetCookie cookie : List.of(access, refresh)) {
            assertThat(cookie.has("HttpOnly")).as(cookie.raw()).isTrue();
            assertThat(cookie.has("Secure")).as(cookie.raw()).isTrue();
            assertThat(cookie.attribute("SameSite")).isEqualTo("Strict");
            assertThat(cookie.attribute("Path")).isEqualTo("/");
            assertThat(cookie.attribute("Domain")).isEqualTo("example.test");
        }
        assertThat(access.maxAge()).isEqualTo(4 * 3600);
        assertThat(refresh.maxAge()).isEqualTo(7 * 24 * 3600 - 3600);
    }

    @Test
    void givenInsecureCookieSettings_cookiesOmitSecureAndDomain() {
        startWith(new WebSettings(0, false, "Lax", null, true, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        Reply reply = http.postJson("/auth/kakao/login", "{\"code\":\"c\"}");
        SetCookie access = reply.cookie("accessToken");
        assertThat(access.has("Secure")).isFalse();
        assertThat(access.has("Domain")).isFalse();
        assertThat(access.attribute("SameSite")).isEqualTo("Lax");
        assertThat(access.maxAge()).isEqualTo(5 * 3600);
    }

    @Test
    void logout_deletesBothCookiesWithTheSameAttributes() {
        startWith(new WebSettings(0, true, "Strict", "example.test", true, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        Reply reply = http.postEmpty("/auth/logout", "Cookie", "accessToken=a1; refreshToken=r1");
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("message").asText()).isEqualTo("Logout success");
        for (String name : List.of("accessToken", "refreshToken")) {
            SetCookie cookie = reply.cookie(name);
            assertThat(cookie.value()).isEmpty();
            assertThat(cookie.maxAge()).isZero();
            assertThat(cookie.has("HttpOnly")).isTrue();
            assertThat(cookie.has("Secure")).isTrue();
            assertThat(cookie.attribute("SameSite")).isEqualTo("Strict");
            assertThat(cookie.attribute("Path")).isEqualTo("/");
            assertThat(cookie.attribute("Domain")).isEqualTo("example.test");
        }
        LogoutCommand command = stubs.last(LogoutCommand.class);
        assertThat(command.scope()).isEqualTo(LogoutScope.LOCAL);
        assertThat(command.accessToken()).isEqualTo("a1");
        assertThat(command.refreshToken()).isEqualTo("r1");
    }

    // ---------------------------------------------------------------- tokens out of bodies

    @Test
    void givenTokensNotInBody_loginAndRefreshBodiesCarryNoTokenStrings() {
        startWith(new WebSettings(0, true, "None", null, false, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, java.time.Duration.ofSeconds(5)));
        TokenPair login = stubs.pair("login");
        stubs.logIn = command -> new LoginResult(StubUseCases.USER, false, login);
        Reply loginReply = http.postJson("/auth/kakao/login", "{\"accessToken\":\"kakao-token\"}");
        assertThat(loginReply.status()).isEqualTo(200);
        assertThat(loginReply.json().get("token").size()).isZero();
        assertThat(loginReply.body()).doesNotContain(login.access().value(), login.refresh().value());
        assertThat(loginReply.cookie("accessToken").value()).isEqualTo(login.access().value());

        TokenPair rotated = stubs.pair("rot");
        stubs.refresh = command -> new dev.sociallogin.application.port.in.RefreshResult(StubUseCases.USER, rotated);
        Reply refreshReply = http.postEmpty("/auth/refresh", "Cookie", "refreshToken=" + login.refresh().value());
        assertThat(refreshReply.status()).isEqualTo(200);
        assertThat(refreshReply.json().size()).isZero();
        assertThat(refreshReply.body()).doesNotContain(rotated.access().value(), rotated.refresh().value());
        assertThat(refreshReply.cookie("refreshToken").value()).isEqualTo(rotated.refresh().value());
    }

    // ---------------------------------------------------------------- login form

    @Test
    void givenCodeAndRedirectUri_login_passesBoth() {
        Reply reply = http.postJson("/auth/kakao/login", "{\"code\":\"c1\",\"redirectUri\":\"https://app.example.test/cb\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("message").asText()).isEqualTo("login success");
        assertThat(stubs.last(LogInCommand.class).credential())
                .isEqualTo(new ProviderCredential.AuthorizationCode("c1", "https://app.example.test/cb"));
    }

    @Test
    void givenProviderAccessToken_login_passesIt() {
        assertThat(http.postJson("/auth/kakao/login", "{\"accessToken\":\"kat\"}").status()).isEqualTo(200);
        assertThat(stubs.last(LogInCommand.class).credential()).isEqualTo(new ProviderCredential.ProviderAccessToken("kat"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\":\"c\",\"accessToken\":\"t\"}",
            "{}",
            "{\"redirectUri\":\"https://x.test/\"}",
            "{\"code\":42}",
            "{\"code\":[\"c\"]}",
            "{\"accessToken\":{\"a\":1}}",
            "[]",
            "\"code\"",
            "null",
            "{\"code\":\"c\"",
            "{\"code\":\"c\",\"code\":\"d\"}",
            "{\"code\":\"c\"} trailing",
            "{\"code\":\"\"}",
    })
    void givenMalformedOrAmbiguousBody_login_answersInvalidRequest(String body) {
        assertProblem(http.postJson("/auth/kakao/login", body), 400, "invalid_request");
        assertThat(stubs.last(LogInCommand.class)).isNull();
    }

    @Test
    void givenNoBody_login_answersInvalidRequest() {
        assertProblem(http.postEmpty("/auth/kakao/login"), 400, "invalid_request");
    }

    @Test
    void givenTextBody_login_answers415() {
        Reply reply = http.send(http.request("/auth/kakao/login")
                .post(okhttp3.RequestBody.create("code=c", okhttp3.MediaType.get("text/plain"))));
        assertProblem(reply, 415, "unsupported_media_type");
    }

    @Test
    void givenAnotherJsonMediaType_refresh_answers415() {
        // application/*+json is not application/json: the contract takes the one type only
        Reply reply = http.send(http.request("/auth/refresh")
                .post(okhttp3.RequestBody.create("{\"refresh\":\"r\"}", okhttp3.MediaType.get("application/problem+json"))));
        assertProblem(reply, 415, "unsupported_media_type");
        assertThat(stubs.last(dev.sociallogin.application.port.in.RefreshCommand.class)).isNull();
    }

    @Test
    void givenOverlongCode_login_answersInvalidRequest() {
        assertProblem(http.postJson("/auth/kakao/login", "{\"code\":\"" + "c".repeat(2000) + "\"}"), 400, "invalid_request");
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void givenRefreshInBody_refresh_usesItAndSetsCookies() {
        TokenPair rotated = stubs.pair("rot");
        stubs.refresh = command -> new dev.sociallogin.application.port.in.RefreshResult(StubUseCases.USER, rotated);
        Reply reply = http.postJson("/auth/refresh", "{\"refresh\":\"from-body\"}", "Cookie", "refreshToken=from-cookie");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(stubs.last(RefreshCommand.class).refreshToken()).isEqualTo("from-body");
        assertThat(reply.json().get("access").asText()).isEqualTo(rotated.access().value());
        assertThat(reply.json().get("refresh").asText()).isEqualTo(rotated.refresh().value());
        assertThat(reply.cookie("accessToken").value()).isEqualTo(rotated.access().value());
        assertThat(reply.cookie("refreshToken").value()).isEqualTo(rotated.refresh().value());
    }

    @Test
    void givenOnlyTheCookie_refresh_usesTheCookie() {
        assertThat(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=from-cookie").status()).isEqualTo(200);
        assertThat(stubs.last(RefreshCommand.class).refreshToken()).isEqualTo("from-cookie");
    }

    @Test
    void givenEmptyJsonObject_refresh_fallsBackToTheCookie() {
        assertThat(http.postJson("/auth/refresh", "{}", "Cookie", "refreshToken=from-cookie").status()).isEqualTo(200);
        assertThat(stubs.last(RefreshCommand.class).refreshToken()).isEqualTo("from-cookie");
    }

    @Test
    void givenNoRefreshToken_refresh_passesNoneAndAnswersTheUseCasesError() {
        stubs.refresh = command -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_MISSING);
        };
        assertProblem(http.postEmpty("/auth/refresh"), 401, "token_missing");
        assertThat(stubs.last(RefreshCommand.class).refreshToken()).isNull();
    }

    @Test
    void givenReusedCookie_refresh_answers401AndDeletesBothCookies() {
        stubs.refresh = command -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_REUSED);
        };
        Reply reply = http.postEmpty("/auth/refresh", "Cookie", "refreshToken=old");
        assertProblem(reply, 401, "token_reused");
        assertThat(reply.cookie("accessToken").maxAge()).isZero();
        assertThat(reply.cookie("refreshToken").maxAge()).isZero();
    }

    @Test
    void givenReusedBodyToken_refresh_answers401AndLeavesCookiesAlone() {
        stubs.refresh = command -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_REUSED);
        };
        Reply reply = http.postJson("/auth/refresh", "{\"refresh\":\"old\"}");
        assertProblem(reply, 401, "token_reused");
        assertThat(reply.cookies()).isEmpty();
    }

    @Test
    void givenWronglyTypedRefresh_refresh_answersInvalidRequest() {
        assertProblem(http.postJson("/auth/refresh", "{\"refresh\":123}"), 400, "invalid_request");
    }

    // ---------------------------------------------------------------- logout

    @ParameterizedTest
    @CsvSource({"local,LOCAL,true", "others,OTHERS,false", "global,GLOBAL,true"})
    void logout_passesTheScopeAndDeletesCookiesUnlessOthers(String scope, LogoutScope expected, boolean deletes) {
        Reply reply = http.postJson("/auth/logout?scope=" + scope, "{\"refresh\":\"r-body\"}",
                "Authorization", "Bearer a-header");
        assertThat(reply.status()).isEqualTo(202);
        LogoutCommand command = stubs.last(LogoutCommand.class);
        assertThat(command.scope()).isEqualTo(expected);
        assertThat(command.accessToken()).isEqualTo("a-header");
        assertThat(command.refreshToken()).isEqualTo("r-body");
        assertThat(reply.cookies().containsKey("accessToken")).isEqualTo(deletes);
    }

    @Test
    void givenUnknownScope_logout_answersInvalidRequest() {
        assertProblem(http.postEmpty("/auth/logout?scope=everything"), 400, "invalid_request");
        assertThat(stubs.last(LogoutCommand.class)).isNull();
    }

    @Test
    void givenGet_logout_answers405WithAllow() {
        Reply reply = http.get("/auth/logout");
        assertProblem(reply, 405, "method_not_allowed");
        assertThat(reply.header("allow")).contains("POST");
    }

    @Test
    void givenCookieAuthenticatedGlobalLogoutWithDeadToken_logout_answers401AndDeletesCookies() {
        stubs.logout = command -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_EXPIRED);
        };
        Reply reply = http.postEmpty("/auth/logout?scope=global", "Cookie", "accessToken=dead");
        assertProblem(reply, 401, "token_expired");
        assertThat(reply.cookie("accessToken").maxAge()).isZero();
    }

    // ---------------------------------------------------------------- me

    @Test
    void givenBearerHeaderInAnyCase_me_usesItAndNeverTheRefreshCookie() {
        Reply reply = http.get("/api/users/me", "Authorization", "bEaReR  the-access", "Cookie", "refreshToken=r1");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("username").asText()).isEqualTo("kakao_4242");
        CurrentUserQuery query = stubs.last(CurrentUserQuery.class);
        assertThat(query.accessToken()).isEqualTo("the-access");
        assertThat(query.refreshToken()).isNull();
    }

    @Test
    void givenCookies_me_passesBothAndSetsRotatedCookies() {
        TokenPair rotated = stubs.pair("silent");
        stubs.currentUser = query -> new CurrentUser(StubUseCases.USER, rotated);
        Reply reply = http.get("/api/users/me", "Cookie", "accessToken=expired-a; refreshToken=r1");
        assertThat(reply.status()).isEqualTo(200);
        CurrentUserQuery query = stubs.last(CurrentUserQuery.class);
        assertThat(query.accessToken()).isEqualTo("expired-a");
        assertThat(query.refreshToken()).isEqualTo("r1");
        assertThat(reply.cookie("accessToken").value()).isEqualTo(rotated.access().value());
        assertThat(reply.cookie("refreshToken").value()).isEqualTo(rotated.refresh().value());
        assertThat(reply.body()).doesNotContain(rotated.access().value());
    }

    @Test
    void givenNoRotation_me_setsNoCookie() {
        Reply reply = http.get("/api/users/me", "Cookie", "accessToken=a");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.cookies()).isEmpty();
    }

    @Test
    void givenDeadAccessCookie_me_answers401AndDeletesBothCookies() {
        stubs.currentUser = query -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_REVOKED);
        };
        Reply reply = http.get("/api/users/me", "Cookie", "accessToken=dead; refreshToken=dead-too");
        assertProblem(reply, 401, "token_revoked");
        assertThat(reply.cookie("accessToken").maxAge()).isZero();
        assertThat(reply.cookie("refreshToken").maxAge()).isZero();
    }

    @Test
    void givenDeadBearer_me_answers401WithoutTouchingCookies() {
        stubs.currentUser = query -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_NOT_VALID);
        };
        Reply reply = http.get("/api/users/me", "Authorization", "Bearer dead");
        assertProblem(reply, 401, "token_not_valid");
        assertThat(reply.cookies()).isEmpty();
    }

    @Test
    void givenOnlyARefreshCookie_me_leavesTheRotationToTheUseCase_andSetsItsCookies() {
        TokenPair rotated = stubs.pair("lone");
        stubs.currentUser = query -> new CurrentUser(StubUseCases.USER, rotated);
        Reply reply = http.get("/api/users/me", "Cookie", "refreshToken=r-lone", "Sec-Fetch-Site", "same-origin");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(stubs.last(CurrentUserQuery.class)).isEqualTo(new CurrentUserQuery(null, "r-lone"));
        assertThat(reply.cookie("accessToken").value()).isEqualTo(rotated.access().value());
        assertThat(reply.body()).doesNotContain(rotated.refresh().value());
    }

    @Test
    void givenNoToken_me_passesNothing() {
        stubs.currentUser = query -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_MISSING);
        };
        assertProblem(http.get("/api/users/me"), 401, "token_missing");
        CurrentUserQuery query = stubs.last(CurrentUserQuery.class);
        assertThat(query.accessToken()).isNull();
        assertThat(query.refreshToken()).isNull();
    }

    @Test
    void givenStaleAccessCookie_publicRoutes_ignoreIt() {
        stubs.currentUser = query -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_NOT_VALID);
        };
        String cookie = "accessToken=garbage";
        assertThat(http.get("/health", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(http.get("/auth/providers", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(http.get("/auth/kakao/authorize", "Cookie", cookie).status()).isEqualTo(302);
        assertThat(http.postJson("/auth/kakao/login", "{\"code\":\"c\"}", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"r\"}", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(http.postJson("/auth/verify", "{\"token\":\"t\"}", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(stubs.last(CurrentUserQuery.class)).isNull();
    }

    // ---------------------------------------------------------------- verify

    @Test
    void givenToken_verify_answersEmptyObject() {
        Reply reply = http.postJson("/auth/verify", "{\"token\":\"t1\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
        assertThat(stubs.last(VerifyTokenCommand.class).token()).isEqualTo("t1");
    }

    @Test
    void givenNoTokenField_verify_answersInvalidRequest() {
        assertProblem(http.postJson("/auth/verify", "{\"tok\":\"t1\"}"), 400, "invalid_request");
    }

    /** Each code through a route whose use case really throws it (the OpenAPI check holds every answer to its route's codes). */
    @ParameterizedTest
    @CsvSource({
            "TOKEN_MISSING,401,token_missing,verify",
            "TOKEN_NOT_VALID,401,token_not_valid,both",
            "TOKEN_EXPIRED,401,token_expired,verify",
            "TOKEN_REVOKED,401,token_revoked,verify",
            "TOKEN_REUSED,401,token_reused,verify",
            "PROVIDER_REJECTED,401,provider_rejected,login",
            "UNKNOWN_PROVIDER,404,unknown_provider,login",
            "INVALID_REQUEST,400,invalid_request,both",
            "PROVIDER_UNAVAILABLE,502,provider_error,login",
            "STORAGE_UNAVAILABLE,503,unavailable,both",
    })
    void everyErrorCode_mapsToTheContractsStatusAndCode(ErrorCode code, int status, String expected, String routes) {
        stubs.verify = command -> {
            throw StubUseCases.failure(code);
        };
        stubs.logIn = command -> {
            throw StubUseCases.failure(code);
        };
        if (!routes.equals("login")) {
            assertProblem(http.postJson("/auth/verify", "{\"token\":\"t1\"}"), status, expected);
        }
        if (!routes.equals("verify")) {
            assertProblem(http.postJson("/auth/kakao/login", "{\"code\":\"c\"}"), status, expected);
        }
    }

    // ---------------------------------------------------------------- errors the server answers itself

    @Test
    void givenUnknownRoute_answers404Problem() {
        assertProblem(http.get("/nope"), 404, "not_found");
        assertProblem(http.get("/auth/kakao/whatever"), 404, "not_found");
        assertProblem(http.postEmpty("/api/users/me/"), 404, "not_found");
    }

    @Test
    void givenWrongMethod_answers405Problem() {
        assertProblem(http.get("/auth/refresh"), 405, "method_not_allowed");
        assertProblem(http.get("/auth/verify"), 405, "method_not_allowed");
        assertProblem(http.postEmpty("/health"), 405, "method_not_allowed");
        assertProblem(http.send(http.request("/api/users/me").delete()), 405, "method_not_allowed");
    }

    @Test
    void givenAcceptHtml_errorsAreStillProblemJson() {
        assertProblem(http.get("/nope", "Accept", "text/html"), 404, "not_found");
        Reply ok = http.get("/health", "Accept", "text/html");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void givenUnexpectedFailure_answersGeneric500WithoutTheMessage() {
        stubs.verify = command -> {
            throw new IllegalStateException("SECRET boom with token t1");
        };
        Reply reply = http.postJson("/auth/verify", "{\"token\":\"t1\"}");
        assertProblem(reply, 500, "internal_error");
        assertThat(reply.body()).doesNotContain("boom", "t1");
    }

    @Test
    void givenBodyOverLimitByContentLength_answers413() {
        String big = "{\"code\":\"" + "x".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";
        assertProblem(http.postJson("/auth/kakao/login", big), 413, "payload_too_large");
        assertThat(stubs.last(LogInCommand.class)).isNull();
    }

    @Test
    void givenChunkedBodyOverLimit_answers413() {
        String big = "{\"code\":\"" + "x".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";
        okhttp3.RequestBody chunked = new okhttp3.RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return HttpHarness.JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.writeUtf8(big);
            }
        };
        Reply reply = http.send(http.request("/auth/kakao/login").post(chunked));
        assertProblem(reply, 413, "payload_too_large");
        assertThat(stubs.last(LogInCommand.class)).isNull();
    }

    @Test
    void givenBodyJustUnderLimit_isRead() {
        String padding = " ".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES - 20);
        Reply reply = http.postJson("/auth/kakao/login", "{\"code\":\"c\"}" + padding);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- CORS and CSRF

    @Test
    void givenTrustedOrigin_preflight_isAllowedWithCredentials() {
        Reply reply = http.send(http.request("/auth/refresh").method("OPTIONS", null)
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("access-control-allow-origin")).isEqualTo(APP_ORIGIN);
        assertThat(reply.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(reply.header("access-control-allow-methods")).contains("POST");
        assertThat(reply.header("access-control-allow-headers")).contains("content-type", "authorization");
    }

    @Test
    void givenUntrustedOrigin_preflight_isRefusedAsProblem() {
        Reply reply = http.send(http.request("/auth/refresh").method("OPTIONS", null)
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST"));
        assertProblem(reply, 403, "cors_rejected");
        assertThat(reply.header("access-control-allow-origin")).isNull();
    }

    @Test
    void givenTrustedOriginAskingForAnOddHeader_preflight_isRefused() {
        Reply reply = http.send(http.request("/auth/refresh").method("OPTIONS", null)
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "PUT"));
        assertProblem(reply, 403, "cors_rejected");
    }

    @Test
    void actualRequests_echoOnlyTrustedOriginsNeverAWildcard() {
        Reply trusted = http.get("/health", "Origin", APP_ORIGIN);
        assertThat(trusted.header("access-control-allow-origin")).isEqualTo(APP_ORIGIN);
        assertThat(trusted.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(trusted.all("vary")).anyMatch(v -> v.contains("Origin"));
        Reply untrusted = http.get("/health", "Origin", "https://evil.example.test");
        assertThat(untrusted.status()).isEqualTo(200);
        assertThat(untrusted.header("access-control-allow-origin")).isNull();
    }

    @Test
    void givenCookiePostFromUntrustedOrigin_answersCsrfRejected() {
        Reply reply = http.postEmpty("/auth/logout", "Cookie", "refreshToken=r1", "Origin", "https://evil.example.test");
        assertProblem(reply, 403, "csrf_rejected");
        assertThat(stubs.last(LogoutCommand.class)).isNull();
        assertProblem(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Origin", "null"), 403, "csrf_rejected");
    }

    @Test
    void givenCookiePostWithABasicAuthorizationHeader_isStillCsrf() {
        // browsers attach Authorization: Basic by themselves behind HTTP auth: only a Bearer that is used counts (issue 9, item 3)
        String evil = "https://evil.example.test";
        assertProblem(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Origin", evil, "Authorization", "Basic dTpw"),
                403, "csrf_rejected");
        assertProblem(http.postEmpty("/auth/logout?scope=global", "Cookie", "refreshToken=r1; accessToken=a1", "Origin", evil,
                "Authorization", "Basic dTpw"), 403, "csrf_rejected");
        assertProblem(http.postEmpty("/auth/logout?scope=global", "Cookie", "refreshToken=r1", "Origin", evil,
                "Authorization", "Bearer a1"), 403, "csrf_rejected");
        assertThat(stubs.last(RefreshCommand.class)).isNull();
        assertThat(stubs.last(LogoutCommand.class)).isNull();
    }

    @Test
    void givenCrossSiteGet_me_neverRotates() {
        // an <img src=".../api/users/me"> on another site must not change state (issue 9, item 4)
        stubs.currentUser = query -> {
            throw StubUseCases.failure(ErrorCode.TOKEN_MISSING);
        };
        assertProblem(http.get("/api/users/me", "Cookie", "refreshToken=r-lone", "Sec-Fetch-Site", "cross-site"), 401, "token_missing");
        assertThat(stubs.last(CurrentUserQuery.class).refreshToken()).isNull();
        assertProblem(http.get("/api/users/me", "Cookie", "refreshToken=r-lone", "Origin", "https://evil.example.test"), 401,
                "token_missing");
        assertThat(stubs.last(CurrentUserQuery.class).refreshToken()).isNull();
        assertThat(stubs.last(RefreshCommand.class)).isNull();
    }

    @Test
    void givenCookiePostSayingCrossSiteWithoutOrigin_answersCsrfRejected() {
        Reply reply = http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Sec-Fetch-Site", "cross-site");
        assertProblem(reply, 403, "csrf_rejected");
        assertThat(stubs.last(RefreshCommand.class)).isNull();
    }

    @Test
    void givenCookiePostFromTrustedOrOwnOrigin_passes() {
        assertThat(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Origin", APP_ORIGIN,
                "Sec-Fetch-Site", "cross-site").status()).isEqualTo(200);
        String ownOrigin = "http://127.0.0.1:" + http.server().port();
        assertThat(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Origin", ownOrigin,
                "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1", "Sec-Fetch-Site", "same-site").status())
                .isEqualTo(200);
        assertThat(http.postEmpty("/auth/refresh", "Cookie", "refreshToken=r1").status()).isEqualTo(200);
    }

    @Test
    void givenUntrustedOriginWithoutOurCookieOrWithAuthorization_isNotCsrf() {
        assertThat(http.postJson("/auth/verify", "{\"token\":\"t\"}", "Origin", "https://evil.example.test").status())
                .isEqualTo(200);
        assertThat(http.postJson("/auth/logout", "{}", "Origin", "https://evil.example.test",
                "Authorization", "Bearer a1", "Cookie", "accessToken=a1").status()).isEqualTo(202);
        assertThat(http.postEmpty("/auth/logout", "Cookie", "other=1", "Origin", "https://evil.example.test").status())
                .isEqualTo(202);
    }
}
