package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core flow once more, on a real MySQL-compatible server (MariaDB in CI). The server comes from
 * AUTH_TEST_DB_URL / AUTH_TEST_DB_USER / AUTH_TEST_DB_PASSWORD; when it does not answer the test
 * fails under CI=true and is skipped, with a message, elsewhere. The database is shared with other
 * test runs: every account here is fresh and random, nothing is dropped or truncated.
 */
class MariaDbEndToEndIT {

    @TempDir
    Path dataDir;

    @Test
    void givenMariaDb_coreFlow_registersLogsInRotatesAndLogsOut() throws Exception {
        TestDatabase.require();
        try (KakaoFake kakao = new KakaoFake();
                RunningService service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                        "AUTH_DB_URL", TestDatabase.URL, "AUTH_DB_USER", TestDatabase.USER, "AUTH_DB_PASSWORD", TestDatabase.PASSWORD))) {
            Http http = service.http;
            long kakaoId = kakao.newAccount("마리아🐬");

            Http.Reply registered = EndToEndIT.browserLogin(http, kakao, kakaoId);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            assertThat(registered.json().path("message").asText()).isEqualTo("register success");
            assertThat(registered.json().path("user").path("nickname").asText()).isEqualTo("마리아🐬");
            Http.Reply login = EndToEndIT.browserLogin(http, kakao, kakaoId);
            assertThat(login.json().path("message").asText()).isEqualTo("login success");
            long id = login.json().path("user").path("id").asLong();
            assertThat(id).isEqualTo(registered.json().path("user").path("id").asLong());

            Http.Reply me = http.get("/api/users/me", "Cookie", login.cookieHeader("accessToken"));
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().path("id").asLong()).isEqualTo(id);

            String token = EndToEndIT.refresh(login);
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Set<String> successors = new HashSet<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Http.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Http.Reply> call = () -> {
                        go.await();
                        return http.post("/auth/refresh", "{\"refresh\":\"" + token + "\"}");
                    };
                    replies.add(pool.submit(call));
                }
                go.countDown();
                for (Future<Http.Reply> reply : replies) {
                    Http.Reply r = reply.get();
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    successors.add(r.json().path("refresh").asText());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(successors).hasSize(1);
            String successor = successors.iterator().next();

            Http.Reply logout = http.post("/auth/logout", "{\"refresh\":\"" + successor + "\"}",
                    "Authorization", "Bearer " + EndToEndIT.access(login));
            assertThat(logout.status()).isEqualTo(202);
            assertThat(http.post("/auth/refresh", "{\"refresh\":\"" + successor + "\"}").status()).isEqualTo(401);
            EndToEndIT.assertProblem(http.post("/auth/verify", "{\"token\":\"" + EndToEndIT.access(login) + "\"}"), 401, "token_revoked");
            assertThat(http.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void givenWrongPassword_start_isRefusedNamingThePasswordVariableNotItsValue() {
        TestDatabase.require();
        try (KakaoFake kakao = new KakaoFake()) {
            Map<String, String> variables = RunningService.variables(kakao, dataDir.toString(),
                    "AUTH_DB_URL", TestDatabase.URL, "AUTH_DB_USER", TestDatabase.USER, "AUTH_DB_PASSWORD", "wrong-" + TestDatabase.PASSWORD);
            Throwable failure = null;
            try (RunningService ignored = new RunningService(variables)) {
                fail("started with a wrong database password");
            } catch (RuntimeException e) {
                failure = e;
            }
            Throwable cause = failure;
            while (cause != null && !(cause instanceof dev.sociallogin.settings.InvalidSettingException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isNotNull();
            assertThat(((dev.sociallogin.settings.InvalidSettingException) cause).variable()).isEqualTo("AUTH_DB_PASSWORD");
            assertThat(cause.getMessage()).doesNotContain(TestDatabase.PASSWORD);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
