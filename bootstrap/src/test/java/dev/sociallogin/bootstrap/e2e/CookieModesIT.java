package dev.sociallogin.bootstrap.e2e;

import static dev.sociallogin.bootstrap.e2e.EndToEndIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations that change what the browser sees: short access tokens, cookie-only tokens, a login redirect. */
class CookieModesIT {

    @TempDir
    Path dataDir;

    @Test
    void givenExpiredAccessCookie_me_rotatesSilentlyWithTheRefreshCookie() throws Exception {
        try (KakaoFake kakao = new KakaoFake();
                RunningService service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                        "AUTH_ACCESS_TOKEN_TTL", "PT3S"))) {
            Http http = service.http;
            Http.Reply login = EndToEndIT.apiLogin(http, kakao, kakao.newAccount("silent"));
            long id = login.json().path("user").path("id").asLong();
            Thread.sleep(3_200); // token times are whole seconds: expired 2-3 s after issue

            Http.Reply silent = http.get("/api/users/me", "Cookie", login.cookieHeader("accessToken", "refreshToken"));

            assertThat(silent.status()).as(silent.toString()).isEqualTo(200);
            assertThat(silent.json().path("id").asLong()).isEqualTo(id);
            assertThat(silent.cookie("accessToken")).isNotEmpty().isNotEqualTo(login.cookie("accessToken"));
            assertThat(silent.cookie("refreshToken")).isNotEmpty().isNotEqualTo(login.cookie("refreshToken"));
            assertThat(silent.setCookies().get("accessToken")).contains("HttpOnly").containsPattern("Max-Age=[1-3];");

            // the browser has dropped the expired access cookie (its Max-Age ended): the refresh cookie alone rotates
            Http.Reply lone = http.get("/api/users/me", "Cookie", "refreshToken=" + silent.cookie("refreshToken"));
            assertThat(lone.status()).as(lone.toString()).isEqualTo(200);
            assertThat(lone.json().path("id").asLong()).isEqualTo(id);
            assertThat(lone.cookie("refreshToken")).isNotEmpty().isNotEqualTo(silent.cookie("refreshToken"));

            // expired by header: no rotation, just the code
            assertProblem(http.get("/api/users/me", "Authorization", "Bearer " + EndToEndIT.access(login)), 401, "token_expired");
            // expired cookie without a refresh cookie: 401 and both cookies deleted
            Http.Reply dead = http.get("/api/users/me", "Cookie", login.cookieHeader("accessToken"));
            assertProblem(dead, 401, "token_expired");
            assertThat(dead.setCookies().get("accessToken")).contains("Max-Age=0");
            // the first refresh cookie, rotated twice since: any older token is reuse, and the family is revoked
            assertProblem(http.get("/api/users/me", "Cookie", login.cookieHeader("accessToken", "refreshToken")), 401, "token_reused");
        }
    }

    @Test
    void givenTokensInBodyFalse_everyAnswer_keepsTokenStringsInCookiesOnly() throws Exception {
        try (KakaoFake kakao = new KakaoFake();
                RunningService service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                        "AUTH_TOKENS_IN_BODY", "false", "AUTH_COOKIE_SAMESITE", "Strict", "AUTH_COOKIE_DOMAIN", "127.0.0.1"))) {
            Http http = service.http;
            long kakaoId = kakao.newAccount("cookies");

            Http.Reply login = http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakaoId) + "\"}");
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            assertThat(login.json().path("token").isObject()).isTrue();
            assertThat(login.json().path("token").size()).isZero();
            String access = login.cookie("accessToken");
            String refresh = login.cookie("refreshToken");
            assertThat(access).isNotEmpty();
            assertThat(login.body()).doesNotContain(access, refresh);
            assertThat(login.setCookies().get("refreshToken")).contains("SameSite=Strict", "Domain=127.0.0.1");

            Http.Reply rotated = http.post("/auth/refresh", null, "Cookie", "refreshToken=" + refresh);
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            assertThat(rotated.body()).isEqualTo("{}");
            assertThat(rotated.cookie("refreshToken")).isNotEmpty().isNotEqualTo(refresh);

            Http.Reply me = http.get("/api/users/me", "Cookie", "accessToken=" + rotated.cookie("accessToken"));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("username").asText()).isEqualTo("kakao_" + kakaoId);
        }
    }

    @Test
    void givenLoginRedirectUrl_callback_redirectsWithCookiesSet() throws Exception {
        String target = "https://app.example.com/welcome";
        try (KakaoFake kakao = new KakaoFake();
                RunningService service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                        "AUTH_LOGIN_REDIRECT_URL", target))) {
            Http http = service.http;
            Http.Reply authorize = http.get("/auth/kakao/authorize");
            String state = HttpUrl.get(authorize.header("Location")).queryParameter("state");

            Http.Reply callback = http.get("/auth/kakao/callback?code=" + kakao.codeFor(kakao.newAccount("redirect")) + "&state=" + state,
                    "Cookie", authorize.cookieHeader("oauthState"));

            assertThat(callback.status()).as(callback.toString()).isEqualTo(302);
            assertThat(callback.header("Location")).isEqualTo(target);
            assertThat(callback.cookie("accessToken")).isNotEmpty();
            assertThat(callback.cookie("refreshToken")).isNotEmpty();

            // the user cancels at Kakao the next time: the browser comes back to the app, not to JSON
            Http.Reply again = http.get("/auth/kakao/authorize");
            String nextState = HttpUrl.get(again.header("Location")).queryParameter("state");
            Http.Reply cancelled = http.get("/auth/kakao/callback?error=access_denied&error_description=User%20denied&state=" + nextState,
                    "Cookie", again.cookieHeader("oauthState"));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(302);
            assertThat(cancelled.header("Location")).isEqualTo(target + "?error=provider_rejected");
            // and a replayed callback (its state was consumed with the cookie) is refused the same way
            Http.Reply replayed = http.get("/auth/kakao/callback?code=x&state=" + state);
            assertThat(replayed.header("Location")).isEqualTo(target + "?error=invalid_state");
        }
    }
}
