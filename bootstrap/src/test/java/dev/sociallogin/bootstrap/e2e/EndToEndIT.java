package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole contract over real sockets: OkHttp → Tomcat → Spring MVC → use cases → H2 (MySQL mode)
 * and the Kakao adapter → MockWebServer playing Kakao with its documented bodies.
 */
class EndToEndIT {

    static final String TRUSTED = "https://app.example.com";

    @TempDir
    static Path dataDir;

    static KakaoFake kakao;
    static RunningService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        kakao = new KakaoFake();
        // a 2 s grace keeps the "reuse after the grace" case short
        service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                "AUTH_REFRESH_REUSE_GRACE", "PT2S", "AUTH_CORS_ALLOWED_ORIGINS", TRUSTED));
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        kakao.close();
    }

    /** A browser login: authorize, then the callback with the state cookie; returns the callback's answer. */
    static Http.Reply browserLogin(Http http, KakaoFake kakao, long kakaoId) {
        Http.Reply authorize = http.get("/auth/kakao/authorize");
        assertThat(authorize.status()).isEqualTo(302);
        String state = HttpUrl.get(authorize.header("Location")).queryParameter("state");
        return http.get("/auth/kakao/callback?code=" + kakao.codeFor(kakaoId) + "&state=" + state,
                "Cookie", authorize.cookieHeader("oauthState"));
    }

    static Http.Reply apiLogin(Http http, KakaoFake kakao, long kakaoId) {
        Http.Reply login = http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakaoId) + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login;
    }

    static String access(Http.Reply login) {
        return login.json().path("token").path("access").asText();
    }

    static String refresh(Http.Reply login) {
        return login.json().path("token").path("refresh").asText();
    }

    static Http.Reply refreshByBody(String refreshToken) {
        return http.post("/auth/refresh", "{\"refresh\":\"" + refreshToken + "\"}");
    }

    static void assertProblem(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    }

    // --- login -------------------------------------------------------------------------------

    @Test
    void givenBrowser_authorize_redirectsToKakaoWithAStateBoundByCookie() {
        Http.Reply reply = http.get("/auth/kakao/authorize");

        assertThat(reply.status()).isEqualTo(302);
        HttpUrl location = HttpUrl.get(reply.header("Location"));
        assertThat(location.toString()).startsWith(kakao.baseUrl() + "/oauth/authorize");
        assertThat(location.queryParameter("client_id")).isEqualTo(KakaoFake.CLIENT_ID);
        assertThat(location.queryParameter("response_type")).isEqualTo("code");
        assertThat(location.queryParameter("redirect_uri")).isEqualTo("http://localhost:8080/auth/kakao/callback");
        assertThat(location.queryParameter("state")).hasSizeGreaterThanOrEqualTo(22);
        assertThat(reply.setCookies().get("oauthState")).contains("HttpOnly", "Max-Age=600", "Path=/");
        assertThat(http.get("/auth/kakao/authorize").header("Location")).isNotEqualTo(reply.header("Location"));
    }

    @Test
    void givenNewKakaoUser_callback_registersThenLogsInTheSameUser() {
        long kakaoId = kakao.newAccount("김세훈🐯");

        Http.Reply first = browserLogin(http, kakao, kakaoId);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode user = first.json().path("user");
        assertThat(first.json().path("message").asText()).isEqualTo("register success");
        assertThat(user.path("id").asLong()).isPositive();
        assertThat(user.path("username").asText()).isEqualTo("kakao_" + kakaoId);
        assertThat(user.path("email").asText()).isEqualTo("user" + kakaoId + "@kakao.example");
        assertThat(user.path("nickname").asText()).isEqualTo("김세훈🐯");
        assertThat(user.path("property").asLong()).isEqualTo(3_000_000L);
        assertThat(user.path("dateJoined").asText()).isNotEmpty();
        assertThat(user.path("lastLogin").asText()).isNotEmpty();
        assertThat(access(first)).isNotEmpty();
        assertThat(refresh(first)).isNotEmpty();
        Map<String, String> cookies = first.setCookies();
        assertThat(cookies.get("accessToken")).contains("HttpOnly", "Secure", "SameSite=None", "Path=/")
                .containsPattern("Max-Age=1[78]\\d{3}");
        assertThat(cookies.get("refreshToken")).contains("HttpOnly", "Secure", "SameSite=None", "Path=/")
                .containsPattern("Max-Age=60[0-9]{4}");
        assertThat(first.cookie("accessToken")).isEqualTo(access(first));
        assertThat(cookies.get("oauthState")).contains("Max-Age=0");

        Http.Reply second = browserLogin(http, kakao, kakaoId);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("message").asText()).isEqualTo("login success");
        assertThat(second.json().path("user").path("id").asLong()).isEqualTo(user.path("id").asLong());
    }

    @Test
    void givenMobileApp_loginWithKakaoAccessToken_logsIn() {
        long kakaoId = kakao.newAccount("모바일");

        Http.Reply reply = http.post("/auth/kakao/login", "{\"accessToken\":\"" + kakao.accessTokenFor(kakaoId) + "\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("user").path("username").asText()).isEqualTo("kakao_" + kakaoId);
    }

    @Test
    void givenBadCallbacks_callback_answersTheContractsErrors() {
        long kakaoId = kakao.newAccount("err");
        Http.Reply authorize = http.get("/auth/kakao/authorize");
        String state = HttpUrl.get(authorize.header("Location")).queryParameter("state");
        String cookie = authorize.cookieHeader("oauthState");

        assertProblem(http.get("/auth/kakao/callback?code=" + kakao.codeFor(kakaoId) + "&state=" + state), 400, "invalid_state");
        assertProblem(http.get("/auth/kakao/callback?code=" + kakao.codeFor(kakaoId) + "&state=other" + state, "Cookie", cookie),
                400, "invalid_state");
        assertProblem(http.get("/auth/kakao/callback?error=access_denied&error_description=User%20denied%20access&state=" + state,
                "Cookie", cookie), 401, "provider_rejected");
        String used = kakao.codeFor(kakaoId);
        assertThat(http.post("/auth/kakao/login", "{\"code\":\"" + used + "\"}").status()).isEqualTo(200);
        assertProblem(http.post("/auth/kakao/login", "{\"code\":\"" + used + "\"}"), 401, "provider_rejected");
        assertProblem(http.get("/auth/github/authorize"), 404, "unknown_provider");
        assertProblem(http.post("/auth/github/login", "{\"code\":\"abc\"}"), 404, "unknown_provider");
    }

    @Test
    void givenKakaoFailing_login_answersProviderError() {
        assertProblem(http.post("/auth/kakao/login", "{\"code\":\"" + KakaoFake.FAILING_CODE + "\"}"), 502, "provider_error");
    }

    @Test
    void givenEnabledKakao_providers_listsIt() {
        Http.Reply reply = http.get("/auth/providers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("providers").toString()).isEqualTo("[\"kakao\"]");
        assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    // --- me ----------------------------------------------------------------------------------

    @Test
    void givenAccessToken_me_answersTheUserByHeaderAndByCookie() {
        Http.Reply login = apiLogin(http, kakao, kakao.newAccount("me"));
        long id = login.json().path("user").path("id").asLong();

        Http.Reply byHeader = http.get("/api/users/me", "Authorization", "bearer " + access(login));
        Http.Reply byCookie = http.get("/api/users/me", "Cookie", login.cookieHeader("accessToken"));

        assertThat(byHeader.status()).as(byHeader.toString()).isEqualTo(200);
        assertThat(byHeader.json().path("id").asLong()).isEqualTo(id);
        assertThat(byCookie.status()).as(byCookie.toString()).isEqualTo(200);
        assertThat(byCookie.json().path("id").asLong()).isEqualTo(id);
        assertThat(byCookie.setCookies()).isEmpty();
    }

    @Test
    void givenNoOrBadToken_me_answers401AndDeletesDeadCookies() {
        Http.Reply login = apiLogin(http, kakao, kakao.newAccount("bad"));

        assertProblem(http.get("/api/users/me"), 401, "token_missing");
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer not.a.jwt"), 401, "token_not_valid");
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + refresh(login)), 401, "token_not_valid");
        Http.Reply deadCookie = http.get("/api/users/me", "Cookie", "accessToken=garbage");
        assertProblem(deadCookie, 401, "token_not_valid");
        assertThat(deadCookie.setCookies().get("accessToken")).contains("Max-Age=0");
        assertThat(deadCookie.setCookies().get("refreshToken")).contains("Max-Age=0");
        // public routes ignore a stale access cookie
        assertThat(http.get("/auth/providers", "Cookie", "accessToken=garbage").status()).isEqualTo(200);
        assertThat(http.post("/auth/verify", "{\"token\":\"" + access(login) + "\"}", "Cookie", "accessToken=garbage").status())
                .isEqualTo(200);
    }

    // --- refresh -----------------------------------------------------------------------------

    @Test
    void givenRefreshToken_refresh_rotatesByBodyAndByCookie() {
        Http.Reply login = apiLogin(http, kakao, kakao.newAccount("rot"));

        Http.Reply byBody = refreshByBody(refresh(login));
        assertThat(byBody.status()).as(byBody.toString()).isEqualTo(200);
        String second = byBody.json().path("refresh").asText();
        assertThat(second).isNotEqualTo(refresh(login));
        assertThat(byBody.json().path("access").asText()).isNotEmpty();
        assertThat(byBody.cookie("refreshToken")).isEqualTo(second);

        Http.Reply byCookie = http.post("/auth/refresh", null, "Cookie", "refreshToken=" + second);
        assertThat(byCookie.status()).as(byCookie.toString()).isEqualTo(200);
        String third = byCookie.json().path("refresh").asText();
        assertThat(third).isNotEqualTo(second);
        assertThat(http.get("/api/users/me", "Authorization", "Bearer " + byCookie.json().path("access").asText()).status())
                .isEqualTo(200);

        assertProblem(http.post("/auth/refresh", "{}"), 401, "token_missing");
        assertProblem(refreshByBody(access(login)), 401, "token_not_valid");
    }

    @Test
    void givenConcurrentRefreshesOfOneToken_refresh_rotatesOnceAndAllGetTheSameSuccessor() throws Exception {
        String token = refresh(apiLogin(http, kakao, kakao.newAccount("race")));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Http.Reply> call = () -> {
                    go.await();
                    return refreshByBody(token);
                };
                replies.add(pool.submit(call));
            }
            go.countDown();
            Set<String> successors = new HashSet<>();
            for (Future<Http.Reply> reply : replies) {
                Http.Reply r = reply.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                successors.add(r.json().path("refresh").asText());
            }
            assertThat(successors).hasSize(1);
            assertThat(successors).doesNotContain(token);
            // the shared successor is live
            assertThat(refreshByBody(successors.iterator().next()).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenPreviousTokenAfterTheGrace_refresh_isReuseAndRevokesTheFamily() throws Exception {
        String first = refresh(apiLogin(http, kakao, kakao.newAccount("reuse")));
        Http.Reply rotated = refreshByBody(first);
        String second = rotated.json().path("refresh").asText();

        Http.Reply withinGrace = refreshByBody(first);
        assertThat(withinGrace.status()).as(withinGrace.toString()).isEqualTo(200);
        assertThat(withinGrace.json().path("refresh").asText()).isEqualTo(second);

        Thread.sleep(2_500);

        String rotatedAccess = rotated.json().path("access").asText();
        assertThat(http.get("/api/users/me", "Authorization", "Bearer " + rotatedAccess).status()).isEqualTo(200);

        assertProblem(refreshByBody(first), 401, "token_reused");
        Http.Reply familyGone = refreshByBody(second);
        assertThat(familyGone.status()).as(familyGone.toString()).isEqualTo(401);
        assertThat(familyGone.code()).isIn("token_revoked", "token_reused");
        // whoever rotated (a thief, maybe) loses the access token the rotation gave them, at once
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + rotatedAccess), 401, "token_revoked");
    }

    // --- logout ------------------------------------------------------------------------------

    @Test
    void givenSession_logoutLocal_revokesItsTokensAndDeletesCookies() {
        Http.Reply login = apiLogin(http, kakao, kakao.newAccount("bye"));

        Http.Reply logout = http.post("/auth/logout", "{\"refresh\":\"" + refresh(login) + "\"}",
                "Authorization", "Bearer " + access(login));

        assertThat(logout.status()).isEqualTo(202);
        assertThat(logout.json().path("message").asText()).isEqualTo("Logout success");
        assertThat(logout.setCookies().get("accessToken")).contains("Max-Age=0");
        assertThat(logout.setCookies().get("refreshToken")).contains("Max-Age=0");
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + access(login)), 401, "token_revoked");
        assertThat(refreshByBody(refresh(login)).status()).isEqualTo(401);
        // always 202, also with no or bad tokens; GET is not allowed
        assertThat(http.post("/auth/logout", null).status()).isEqualTo(202);
        assertThat(http.post("/auth/logout?scope=local", "{\"refresh\":\"garbage\"}").status()).isEqualTo(202);
        assertProblem(http.get("/auth/logout"), 405, "method_not_allowed");
    }

    @Test
    void givenTwoSessions_logoutOthers_keepsThisOneOnly() {
        long kakaoId = kakao.newAccount("others");
        Http.Reply here = apiLogin(http, kakao, kakaoId);
        Http.Reply elsewhere = apiLogin(http, kakao, kakaoId);

        // "this one" is the session of the presented refresh token
        Http.Reply logout = http.post("/auth/logout?scope=others", "{\"refresh\":\"" + refresh(here) + "\"}",
                "Authorization", "Bearer " + access(here));

        assertThat(logout.status()).as(logout.toString()).isEqualTo(202);
        assertThat(refreshByBody(refresh(elsewhere)).status()).isEqualTo(401);
        // the other device's access token ends with its session; this one's keeps working
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + access(elsewhere)), 401, "token_revoked");
        assertThat(http.get("/api/users/me", "Authorization", "Bearer " + access(here)).status()).isEqualTo(200);
        assertThat(refreshByBody(refresh(here)).status()).isEqualTo(200);
        assertProblem(http.post("/auth/logout?scope=others", null), 401, "token_missing");
    }

    @Test
    void givenTwoSessions_logoutGlobal_revokesEverySessionAndEveryAccessToken() {
        long kakaoId = kakao.newAccount("global");
        Http.Reply here = apiLogin(http, kakao, kakaoId);
        Http.Reply elsewhere = apiLogin(http, kakao, kakaoId);

        Http.Reply logout = http.post("/auth/logout?scope=global", null, "Authorization", "Bearer " + access(here));

        assertThat(logout.status()).as(logout.toString()).isEqualTo(202);
        assertThat(logout.setCookies().get("accessToken")).contains("Max-Age=0");
        assertThat(refreshByBody(refresh(elsewhere)).status()).isEqualTo(401);
        assertThat(refreshByBody(refresh(here)).status()).isEqualTo(401);
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + access(here)), 401, "token_revoked");
        // the other device's access token was never presented, and it is refused too, at once
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + access(elsewhere)), 401, "token_revoked");
        assertProblem(http.post("/auth/verify", "{\"token\":\"" + access(elsewhere) + "\"}"), 401, "token_revoked");
        assertProblem(http.post("/auth/logout?scope=global", null, "Authorization", "Bearer garbage"), 401, "token_not_valid");
        assertProblem(http.post("/auth/logout?scope=everything", null), 400, "invalid_request");
    }

    // --- verify ------------------------------------------------------------------------------

    @Test
    void givenTokens_verify_acceptsValidOnesAndNamesTheProblemOfOthers() {
        Http.Reply login = apiLogin(http, kakao, kakao.newAccount("verify"));

        Http.Reply ok = http.post("/auth/verify", "{\"token\":\"" + access(login) + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{}");
        assertThat(http.post("/auth/verify", "{\"token\":\"" + refresh(login) + "\"}").status()).isEqualTo(200);
        assertProblem(http.post("/auth/verify", "{\"token\":\"garbage\"}"), 401, "token_not_valid");
        String tampered = access(login).substring(0, access(login).length() - 2) + "xx";
        assertProblem(http.post("/auth/verify", "{\"token\":\"" + tampered + "\"}"), 401, "token_not_valid");
        assertProblem(http.post("/auth/verify", "{}"), 400, "invalid_request");

        http.post("/auth/logout", null, "Authorization", "Bearer " + access(login));
        assertProblem(http.post("/auth/verify", "{\"token\":\"" + access(login) + "\"}"), 401, "token_revoked");
    }

    // --- the server's own errors ---------------------------------------------------------------

    @Test
    void givenBadRequests_server_answersProblemJsonWithTheContractsCodes() {
        assertProblem(http.post("/auth/refresh", "{\"refresh\":"), 400, "invalid_request");
        assertProblem(http.post("/auth/refresh", "{\"refresh\":5}"), 400, "invalid_request");
        assertProblem(http.post("/auth/verify", "[1,2]"), 400, "invalid_request");
        assertProblem(http.post("/auth/kakao/login", "{\"code\":\"a\",\"accessToken\":\"b\"}"), 400, "invalid_request");
        assertProblem(http.post("/auth/verify", "{\"token\":\"" + "a".repeat(17 * 1024) + "\"}"), 413, "payload_too_large");
        assertProblem(http.send("DELETE", "/auth/refresh", null), 405, "method_not_allowed");
        assertProblem(http.send("PUT", "/auth/verify", RequestBody.create("{}", MediaType.get("application/json"))), 405,
                "method_not_allowed");
        Http.Reply unknown = http.get("/no/such/route");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body()).doesNotContain("Exception", "Tomcat", "at org.");
    }

    // --- cross-origin ------------------------------------------------------------------------

    @Test
    void givenTrustedAndForeignOrigins_cors_allowsOnlyTheTrustedWithCredentials() {
        Http.Reply preflight = http.send("OPTIONS", "/auth/refresh", null, "Origin", TRUSTED,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(TRUSTED);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Http.Reply foreignPreflight = http.send("OPTIONS", "/auth/refresh", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(foreignPreflight.status()).isEqualTo(403);
        assertThat(foreignPreflight.header("Access-Control-Allow-Origin")).isNull();

        Http.Reply simple = http.get("/auth/providers", "Origin", TRUSTED);
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo(TRUSTED);
        assertThat(http.get("/auth/providers", "Origin", "https://evil.example").header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void givenCookieAuthenticatedPost_fromForeignOrCrossSite_isRefusedAsCsrf() {
        String cookie = "refreshToken=" + refresh(apiLogin(http, kakao, kakao.newAccount("csrf")));

        assertProblem(http.post("/auth/refresh", null, "Cookie", cookie, "Origin", "https://evil.example"), 403, "csrf_rejected");
        assertProblem(http.post("/auth/refresh", null, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"), 403, "csrf_rejected");
        assertProblem(http.post("/auth/logout", null, "Cookie", cookie, "Origin", "https://evil.example"), 403, "csrf_rejected");

        Http.Reply trusted = http.post("/auth/refresh", null, "Cookie", cookie, "Origin", TRUSTED, "Sec-Fetch-Site", "cross-site");
        assertThat(trusted.status()).as(trusted.toString()).isEqualTo(200);
        Http.Reply own = http.post("/auth/refresh", null, "Cookie", "refreshToken=" + trusted.cookie("refreshToken"),
                "Origin", service.baseUrl, "Sec-Fetch-Site", "same-origin");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        // a body-token client is not cookie-authenticated: no CSRF check applies
        Http.Reply api = refreshByBody(own.cookie("refreshToken"));
        assertThat(api.status()).isEqualTo(200);
    }
}
