package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service with {@code AUTH_LOG_FORMAT=json} and no trusted proxy: every line of its
 * output is one JSON object, a request's lines carry its id, and no token, code, cookie or secret is
 * in any of them; {@code X-Forwarded-For} from an untrusted peer changes nothing about who is limited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonLogsIT {

    @TempDir
    static Path dataDir;

    static KakaoFake kakao;
    static ServiceProcess service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        kakao = new KakaoFake();
        Map<String, String> env = OperationsIT.env(kakao, dataDir);
        env.put("AUTH_LOG_FORMAT", "json");
        env.put("AUTH_RATE_LIMIT_LOGIN", "3/1h");
        service = ServiceProcess.start(env);
        service.awaitHealthy(OperationsIT.READY_WITHIN);
        http = new Http(service.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        kakao.close();
    }

    @Test
    @Order(1)
    void givenAWholeSession_everyLogLineIsJsonWithItsRequestId_andHoldsNoTokenCodeCookieOrSecret() throws Exception {
        // the browser flow: authorize (state cookie), callback (code), me by cookie, refresh by cookie, logout
        Http.Reply authorize = http.get("/auth/kakao/authorize", "X-Request-Id", "json-authorize");
        String state = HttpUrl.get(authorize.header("Location")).queryParameter("state");
        String code = kakao.codeFor(kakao.newAccount("json"));
        Http.Reply callback = http.get("/auth/kakao/callback?code=" + code + "&state=" + state, "Cookie",
                authorize.cookieHeader("oauthState"), "X-Request-Id", "json-callback");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        String access = callback.cookie("accessToken");
        String refresh = callback.cookie("refreshToken");
        assertThat(http.get("/api/users/me", "Cookie", callback.cookieHeader("accessToken")).status()).isEqualTo(200);
        Http.Reply rotated = http.post("/auth/refresh", null, "Cookie", callback.cookieHeader("refreshToken"),
                "X-Request-Id", "json-refresh");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(http.post("/auth/logout", "{\"refresh\":\"" + rotated.cookie("refreshToken") + "\"}",
                "Authorization", "Bearer " + rotated.cookie("accessToken")).status()).isEqualTo(202);

        List<JsonNode> lines = awaitJsonLines("json-refresh");

        for (String id : List.of("json-authorize", "json-callback", "json-refresh")) {
            assertThat(lines).anyMatch(line -> id.equals(line.path("mdc").path("requestId").asText())
                    && line.path("loggerName").asText().endsWith("RequestLogFilter"));
        }
        // every request's line carries an id, generated where the client sent none
        assertThat(lines.stream().filter(line -> line.path("loggerName").asText().endsWith("RequestLogFilter")))
                .hasSizeGreaterThanOrEqualTo(5)
                .allMatch(line -> line.path("mdc").path("requestId").asText().matches("[A-Za-z0-9._-]{1,64}"))
                .allMatch(line -> line.path("level").isTextual() && line.path("timestamp").isNumber());
        String output = service.output();
        assertThat(output).doesNotContain(access, refresh, rotated.cookie("accessToken"), rotated.cookie("refreshToken"), code, state,
                OperationsIT.SECRET, "oauthState=", "accessToken=", "refreshToken=");
    }

    /** Every line of the output so far, parsed (failing on one that is not a JSON object), once one has {@code requestId}. */
    static List<JsonNode> awaitJsonLines(String requestId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : service.lines()) {
                try {
                    JsonNode node = Http.JSON.readTree(line);
                    assertThat(node.isObject()).as(line).isTrue();
                    parsed.add(node);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
            if (parsed.stream().anyMatch(node -> requestId.equals(node.path("mdc").path("requestId").asText()))) {
                return parsed;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line of request " + requestId + ":\n" + service.output());
    }

    /** After the session test (one bucket for every request here: all come from 127.0.0.1). */
    @Test
    @Order(2)
    void givenNoTrustedProxy_forwardedForIsIgnored_andThePeerIsLimited() {
        // the session test took two of the three; whatever is left goes, then every address is refused
        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            Http.Reply reply = http.get("/auth/kakao/authorize", "X-Forwarded-For", "192.0.2." + (10 + i));
            if (reply.status() == 429) {
                assertThat(reply.header("Retry-After")).matches("[1-9][0-9]*");
                break;
            }
            allowed++;
        }
        assertThat(allowed).isLessThanOrEqualTo(3);
        assertThat(http.get("/auth/kakao/authorize", "X-Forwarded-For", "192.0.2.99").status()).isEqualTo(429);
        // what is not a login route is not limited
        assertThat(http.get("/auth/providers").status()).isEqualTo(200);
    }
}
