package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.testfixtures.builder.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.sociallogin.adapter.in.web.WebAdapterIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole flows over real HTTP, the web adapter driving the real application services on in-memory fakes. */
class WebFlowIT {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private RealStack stack;
    private HttpHarness http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private void start(boolean tokensInBody) {
        TokenPolicy d = TokenPolicy.DEFAULTS;
        stack = new RealStack(new TokenPolicy(d.accessTtl(), d.refreshTtl(), GRACE, d.sessionMaxLifetime()));
        http = HttpHarness.start(new WebSettings(0, true, "None", null, tokensInBody, List.of("https://app.example.test"), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(5)), stack.useCases);
    }

    /** The tokens a browser would hold after an answer: the cookie values. */
    private record Session(String access, String refresh) {
        static Session of(Reply reply) {
            return new Session(reply.cookie("accessToken").value(), reply.cookie("refreshToken").value());
        }

        String cookies() {
            return "accessToken=" + access + "; refreshToken=" + refresh;
        }
    }

    /** The browser flow: authorize, then the provider's redirect back to the callback. */
    private Reply browserLogin(ProviderProfile profile) {
        Reply authorize = http.get("/auth/kakao/authorize");
        assertThat(authorize.status()).isEqualTo(302);
        String state = stateOf(authorize);
        String code = stack.codeFor(profile);
        return http.get("/auth/kakao/callback?code=" + code + "&state=" + state, "Cookie", "oauthState=" + authorize.cookie("oauthState").value());
    }

    private static String stateOf(Reply authorize) {
        String query = URI.create(authorize.header("location")).getQuery();
        assertThat(query).startsWith("state=");
        return query.substring("state=".length());
    }

    private Session logIn() {
        Reply reply = http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(TestProfiles.aKakaoProfile()) + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Session.of(reply);
    }

    @Test
    void browserFlow_registersThenLogsInTheSameUser() {
        start(true);
        ProviderProfile profile = TestProfiles.aKakaoProfile("4242");
        Reply first = browserLogin(profile);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.get("message").asText()).isEqualTo("register success");
        assertThat(body.get("user").get("username").asText()).isEqualTo("kakao_4242");
        assertThat(body.get("user").get("property").asLong()).isEqualTo(3_000_000L);
        assertThat(body.get("user").get("lastLogin").asText()).isEqualTo(RealStack.START.toString());
        assertThat(body.get("token").get("access").asText()).isEqualTo(first.cookie("accessToken").value());
        assertThat(body.get("token").get("refresh").asText()).isEqualTo(first.cookie("refreshToken").value());
        assertThat(first.cookie("accessToken").maxAge()).isEqualTo(Duration.ofHours(5).toSeconds());
        assertThat(first.cookie("refreshToken").maxAge()).isEqualTo(Duration.ofDays(7).toSeconds());
        assertThat(first.cookie("oauthState").maxAge()).isZero();

        stack.clock.advance(Duration.ofMinutes(1));
        Reply second = browserLogin(profile);
        assertThat(second.json().get("message").asText()).isEqualTo("login success");
        assertThat(second.json().get("user").get("id")).isEqualTo(body.get("user").get("id"));
        assertThat(stack.users.count()).isEqualTo(1);
    }

    @Test
    void givenConcurrentFirstLogins_exactlyOneUserIsRegistered() throws Exception {
        start(true);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        int threads = 6;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            codes.add(stack.codeFor(profile));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String code : codes) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return http.postJson("/auth/kakao/login", "{\"code\":\"" + code + "\"}");
                }));
            }
            go.countDown();
            Set<Long> ids = new java.util.HashSet<>();
            int registered = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get(30, TimeUnit.SECONDS);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                ids.add(reply.json().get("user").get("id").asLong());
                if (reply.json().get("message").asText().equals("register success")) {
                    registered++;
                }
            }
            assertThat(ids).hasSize(1);
            assertThat(registered).isEqualTo(1);
            assertThat(stack.users.count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenProviderAccessToken_login_logsInTheSameUserAsTheCodeFlow() {
        start(true);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        long id = http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(profile) + "\"}").json()
                .get("user").get("id").asLong();
        stack.kakao.givenAccessToken("kakao-app-token", profile);
        Reply reply = http.postJson("/auth/kakao/login", "{\"accessToken\":\"kakao-app-token\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("message").asText()).isEqualTo("login success");
        assertThat(reply.json().get("user").get("id").asLong()).isEqualTo(id);
    }

    @Test
    void givenOtherBrowsersStateOrCookie_callback_isInvalidState() {
        start(true);
        Reply authorize = http.get("/auth/kakao/authorize");
        // the state and cookie of another browser's authorize
        Reply other = http.get("/auth/kakao/authorize");
        String code = stack.codeFor(TestProfiles.aKakaoProfile());
        assertProblem(http.get("/auth/kakao/callback?code=" + code + "&state=" + stateOf(authorize),
                "Cookie", "oauthState=" + other.cookie("oauthState").value()), 400, "invalid_state");
        assertProblem(http.get("/auth/kakao/callback?code=" + code + "&state=" + stateOf(authorize)), 400, "invalid_state");
        assertProblem(http.get("/auth/kakao/callback?code=" + code, "Cookie", "oauthState=" + authorize.cookie("oauthState").value()),
                400, "invalid_state");
        assertThat(stack.kakao.profileCalls()).isZero();
    }

    @Test
    void givenReplayedCallback_secondUse_isInvalidState() {
        start(true);
        Reply authorize = http.get("/auth/kakao/authorize");
        String callback = "/auth/kakao/callback?code=" + stack.codeFor(TestProfiles.aKakaoProfile()) + "&state=" + stateOf(authorize);
        String cookie = "oauthState=" + authorize.cookie("oauthState").value();
        assertThat(http.get(callback, "Cookie", cookie).status()).isEqualTo(200);

        // the same request again, as an attacker who captured it would send it
        assertProblem(http.get(callback, "Cookie", cookie), 400, "invalid_state");
        assertThat(stack.kakao.profileCalls()).isEqualTo(1);
    }

    @Test
    void givenValidStateButNoCode_callback_isInvalidRequest() {
        start(true);
        Reply authorize = http.get("/auth/kakao/authorize");
        assertProblem(http.get("/auth/kakao/callback?state=" + stateOf(authorize), "Cookie",
                "oauthState=" + authorize.cookie("oauthState").value()), 400, "invalid_request");
    }

    @Test
    void me_byHeaderAndByCookie() {
        start(true);
        Session session = logIn();
        Reply byHeader = http.get("/api/users/me", "Authorization", "Bearer " + session.access());
        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(byHeader.json().get("username").asText()).startsWith("kakao_");
        Reply byCookie = http.get("/api/users/me", "Cookie", session.cookies());
        assertThat(byCookie.status()).isEqualTo(200);
        assertThat(byCookie.json()).isEqualTo(byHeader.json());
        assertThat(byCookie.cookies()).isEmpty();
    }

    @Test
    void refresh_byBodyAndByCookie_rotates() {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofSeconds(1));
        Reply byBody = http.postJson("/auth/refresh", "{\"refresh\":\"" + session.refresh() + "\"}");
        assertThat(byBody.status()).as(byBody.toString()).isEqualTo(200);
        Session rotated = Session.of(byBody);
        assertThat(byBody.json().get("refresh").asText()).isEqualTo(rotated.refresh()).isNotEqualTo(session.refresh());
        assertThat(byBody.json().get("access").asText()).isEqualTo(rotated.access());

        stack.clock.advance(Duration.ofSeconds(1));
        Reply byCookie = http.postEmpty("/auth/refresh", "Cookie", rotated.cookies());
        assertThat(byCookie.status()).isEqualTo(200);
        assertThat(Session.of(byCookie).refresh()).isNotEqualTo(rotated.refresh());
    }

    @Test
    void givenConcurrentRefreshesWithOneToken_allGetTheSameSuccessor() throws Exception {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofSeconds(1));
        int threads = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Reply> call = () -> {
                    go.await();
                    return http.postEmpty("/auth/refresh", "Cookie", "refreshToken=" + session.refresh());
                };
                replies.add(pool.submit(call));
            }
            go.countDown();
            Set<String> successors = new java.util.HashSet<>();
            for (Future<Reply> future : replies) {
                Reply reply = future.get(30, TimeUnit.SECONDS);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                successors.add(reply.json().get("refresh").asText());
                assertThat(reply.cookie("refreshToken").value()).isEqualTo(reply.json().get("refresh").asText());
            }
            assertThat(successors).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenRotatedTokenAfterTheGrace_refresh_isReuseAndRevokesTheFamily() {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofSeconds(1));
        Session rotated = Session.of(http.postEmpty("/auth/refresh", "Cookie", session.cookies()));
        stack.clock.advance(GRACE.plusSeconds(1));

        Reply reuse = http.postEmpty("/auth/refresh", "Cookie", "refreshToken=" + session.refresh());
        assertProblem(reuse, 401, "token_reused");
        assertThat(reuse.cookie("refreshToken").maxAge()).isZero();
        assertThat(reuse.body()).doesNotContain(session.refresh(), rotated.refresh());
        // the family is gone: the successor no longer works either
        Reply successor = http.postJson("/auth/refresh", "{\"refresh\":\"" + rotated.refresh() + "\"}");
        assertThat(successor.status()).isEqualTo(401);
    }

    @Test
    void logoutLocal_revokesThisSessionAndDeletesCookies() {
        start(true);
        Session session = logIn();
        Reply logout = http.postEmpty("/auth/logout", "Cookie", session.cookies());
        assertThat(logout.status()).isEqualTo(202);
        assertThat(logout.cookie("accessToken").maxAge()).isZero();
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + session.access()), 401, "token_revoked");
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + session.refresh() + "\"}").status()).isEqualTo(401);
        // again, and with garbage: still 202
        assertThat(http.postEmpty("/auth/logout", "Cookie", session.cookies()).status()).isEqualTo(202);
        assertThat(http.postEmpty("/auth/logout", "Cookie", "accessToken=garbage; refreshToken=garbage").status()).isEqualTo(202);
        assertThat(http.postEmpty("/auth/logout").status()).isEqualTo(202);
    }

    @Test
    void logoutOthers_keepsThisSessionAndEndsTheOthers() {
        start(true);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        Session laptop = Session.of(http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(profile) + "\"}"));
        Session phone = Session.of(http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(profile) + "\"}"));
        stack.clock.advance(Duration.ofSeconds(1));

        Reply reply = http.postEmpty("/auth/logout?scope=others", "Cookie", laptop.cookies());
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.cookies()).isEmpty();
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + phone.refresh() + "\"}").status()).isEqualTo(401);
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + laptop.refresh() + "\"}").status()).isEqualTo(200);
    }

    @Test
    void logoutGlobal_endsEverySessionAndNeedsAValidToken() {
        start(true);
        ProviderProfile profile = TestProfiles.aKakaoProfile();
        Session laptop = Session.of(http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(profile) + "\"}"));
        Session phone = Session.of(http.postJson("/auth/kakao/login", "{\"code\":\"" + stack.codeFor(profile) + "\"}"));

        assertProblem(http.postEmpty("/auth/logout?scope=global"), 401, "token_missing");
        Reply reply = http.postEmpty("/auth/logout?scope=global", "Authorization", "Bearer " + laptop.access());
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.cookie("refreshToken").maxAge()).isZero();
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + phone.refresh() + "\"}").status()).isEqualTo(401);
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + laptop.refresh() + "\"}").status()).isEqualTo(401);
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + laptop.access()), 401, "token_revoked");
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + phone.access()), 401, "token_revoked");
    }

    @Test
    void givenExpiredAccessCookie_me_rotatesSilently() {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofHours(5).plusSeconds(1));

        Reply reply = http.get("/api/users/me", "Cookie", session.cookies());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Session rotated = Session.of(reply);
        assertThat(rotated.access()).isNotEqualTo(session.access());
        assertThat(rotated.refresh()).isNotEqualTo(session.refresh());
        assertThat(reply.cookie("accessToken").maxAge()).isEqualTo(Duration.ofHours(5).toSeconds());
        assertThat(reply.body()).doesNotContain(rotated.access(), rotated.refresh());
        assertThat(http.get("/api/users/me", "Cookie", rotated.cookies()).status()).isEqualTo(200);
    }

    @Test
    void givenOnlyTheRefreshCookieLeft_me_rotatesSilently() {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofHours(5).plusSeconds(1));
        // a browser dropped the access cookie when its Max-Age ran out
        Reply reply = http.get("/api/users/me", "Cookie", "refreshToken=" + session.refresh());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("username").asText()).startsWith("kakao_");
        Session rotated = Session.of(reply);
        assertThat(rotated.refresh()).isNotEqualTo(session.refresh());
        assertThat(http.get("/api/users/me", "Cookie", rotated.cookies()).status()).isEqualTo(200);

        // and a dead one is a 401 that clears the cookies
        stack.clock.advance(GRACE.plusSeconds(1));
        Reply dead = http.get("/api/users/me", "Cookie", "refreshToken=" + session.refresh());
        assertProblem(dead, 401, "token_reused");
        assertThat(dead.cookie("refreshToken").maxAge()).isZero();
    }

    @Test
    void givenExpiredBearer_me_answersExpiredWithoutRotating() {
        start(true);
        Session session = logIn();
        stack.clock.advance(Duration.ofHours(5).plusSeconds(1));
        Reply reply = http.get("/api/users/me", "Authorization", "Bearer " + session.access(), "Cookie",
                "refreshToken=" + session.refresh());
        assertProblem(reply, 401, "token_expired");
        assertThat(reply.cookies()).isEmpty();
        // the refresh token was not consumed
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"" + session.refresh() + "\"}").status()).isEqualTo(200);
    }

    @Test
    void givenRevokedAccessCookie_me_answers401AndDeletesCookiesWithoutRotating() {
        start(true);
        Session session = logIn();
        http.postEmpty("/auth/logout", "Authorization", "Bearer " + session.access());
        Reply reply = http.get("/api/users/me", "Cookie", session.cookies());
        assertProblem(reply, 401, "token_revoked");
        assertThat(reply.cookie("accessToken").maxAge()).isZero();
        assertThat(reply.cookie("refreshToken").maxAge()).isZero();
    }

    @Test
    void verify_answersEmptyForAValidTokenAndTheCodeOtherwise() {
        start(true);
        Session session = logIn();
        Reply ok = http.postJson("/auth/verify", "{\"token\":\"" + session.access() + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{}");
        assertThat(http.postJson("/auth/verify", "{\"token\":\"" + session.refresh() + "\"}").status()).isEqualTo(200);
        assertProblem(http.postJson("/auth/verify", "{\"token\":\"garbage\"}"), 401, "token_not_valid");
        stack.clock.advance(Duration.ofHours(6));
        assertProblem(http.postJson("/auth/verify", "{\"token\":\"" + session.access() + "\"}"), 401, "token_expired");
    }

    @Test
    void providerFailures_mapToRejectedAndProviderError() {
        start(true);
        assertProblem(http.postJson("/auth/kakao/login", "{\"code\":\"never-scripted\"}"), 401, "provider_rejected");
        stack.kakao.failWith(ErrorCode.PROVIDER_UNAVAILABLE);
        assertProblem(http.postJson("/auth/kakao/login", "{\"code\":\"any\"}"), 502, "provider_error");
        assertProblem(http.postJson("/auth/google/login", "{\"code\":\"any\"}"), 404, "unknown_provider");
        assertProblem(http.get("/auth/google/authorize"), 404, "unknown_provider");
    }

    @Test
    void givenStorageOutage_healthIsDownAndCallsAnswer503() {
        start(true);
        Session session = logIn();
        stack.outage.begin();
        Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + session.access()), 503, "unavailable");
        assertProblem(http.postJson("/auth/refresh", "{\"refresh\":\"" + session.refresh() + "\"}"), 503, "unavailable");
        stack.outage.end();
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void providers_listsKakao() {
        start(true);
        assertThat(http.get("/auth/providers").json().get("providers").toString()).isEqualTo("[\"kakao\"]");
    }

    @Test
    void cookieOnlyMode_worksEndToEndWithoutAnyTokenInABody() {
        start(false);
        Reply login = browserLogin(TestProfiles.aKakaoProfile());
        assertThat(login.status()).isEqualTo(200);
        Session session = Session.of(login);
        assertThat(login.json().get("token").size()).isZero();
        assertThat(login.body()).doesNotContain(session.access(), session.refresh());

        assertThat(http.get("/api/users/me", "Cookie", session.cookies()).status()).isEqualTo(200);
        stack.clock.advance(Duration.ofSeconds(1));
        Reply refresh = http.postEmpty("/auth/refresh", "Cookie", session.cookies(), "Origin", "https://app.example.test");
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(refresh.body()).isEqualTo("{}");
        Session rotated = Session.of(refresh);
        Reply logout = http.postEmpty("/auth/logout", "Cookie", rotated.cookies());
        assertThat(logout.status()).isEqualTo(202);
        assertThat(http.get("/api/users/me", "Cookie", rotated.cookies()).status()).isEqualTo(401);
        Set<String> bodies = Set.of(login.body(), refresh.body(), logout.body());
        assertThat(bodies.stream().filter(b -> b.contains(rotated.access())).collect(Collectors.toSet())).isEmpty();
    }
}
