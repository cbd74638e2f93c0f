package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operating the packaged service (issue 14) over real HTTP: the metrics on the management listener
 * counted exactly, the listener apart from the API's port, request ids in the text log, rate limits
 * behind a trusted proxy with {@code Retry-After} honoured, and the OpenAPI check refusing a route the
 * document does not describe. One instance: text logs, {@code 127.0.0.1} a trusted proxy (so each
 * test is its own client by {@code X-Forwarded-For}), login limited to 2 per 10 s (one back every 5 s), refresh to 3 per hour,
 * strict reuse.
 */
class OperationsIT {

    static final Duration READY_WITHIN = Duration.ofSeconds(120);
    static final String SECRET = "operations-secret-0123456789abcdef-0123456789";

    @TempDir
    static Path dataDir;

    static KakaoFake kakao;
    static ServiceProcess service;
    static Http http;
    static Http management;
    static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        kakao = new KakaoFake();
        managementPort = ServiceProcess.freePort();
        Map<String, String> env = env(kakao, dataDir);
        env.put("AUTH_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("AUTH_TRUSTED_PROXIES", "127.0.0.1, ::1");
        env.put("AUTH_RATE_LIMIT_LOGIN", "2/10s");
        env.put("AUTH_RATE_LIMIT_REFRESH", "3/1h");
        env.put("AUTH_REFRESH_REUSE_GRACE", "PT0S");
        service = ServiceProcess.start(env);
        service.awaitHealthy(READY_WITHIN);
        http = new Http(service.baseUrl());
        // the management listener is not in the API's document: read it without the OpenAPI check
        management = new Http("http://127.0.0.1:" + managementPort, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        kakao.close();
    }

    static Map<String, String> env(KakaoFake kakao, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_DATA_DIR", dataDir.toString());
        env.put("AUTH_JWT_SECRET", SECRET);
        env.put("KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID);
        env.put("KAKAO_AUTH_BASE_URL", kakao.baseUrl());
        env.put("KAKAO_API_BASE_URL", kakao.baseUrl());
        return env;
    }

    static Prometheus scrape() {
        Http.Reply reply = management.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        return Prometheus.parse(reply.body());
    }

    // --- metrics ---------------------------------------------------------------------------------

    @Test
    void givenALoginARotationAReuseALogoutAnd429_metrics_moveExactlyTheirCounters() {
        String[] client = {"X-Forwarded-For", "198.51.100.10"};
        Prometheus start = scrape();

        String code = kakao.codeFor(kakao.newAccount("metered"));
        Http.Reply login = http.post("/auth/kakao/login", "{\"code\":\"" + code + "\"}", client);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        Prometheus afterLogin = scrape();
        assertThat(afterLogin.changedSince(start, "auth_")).containsExactly(
                Map.entry("auth_logins_total{outcome=\"register\",provider=\"kakao\"}", 1.0));
        assertThat(afterLogin.changedSince(start, "http_server_requests_seconds_count")).containsExactly(
                Map.entry("http_server_requests_seconds_count{method=\"POST\",route=\"/auth/{provider}/login\",status=\"200\"}", 1.0));

        String first = login.json().path("token").path("refresh").asText();
        Http.Reply rotated = http.post("/auth/refresh", "{\"refresh\":\"" + first + "\"}", client);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        Prometheus afterRotation = scrape();
        assertThat(afterRotation.changedSince(afterLogin, "auth_")).containsExactly(
                Map.entry("auth_refreshes_total{outcome=\"rotated\"}", 1.0));

        assertThat(http.post("/auth/refresh", "{\"refresh\":\"" + first + "\"}", client).code()).isEqualTo("token_reused");
        Prometheus afterReuse = scrape();
        assertThat(afterReuse.changedSince(afterRotation, "auth_")).containsExactly(
                Map.entry("auth_refreshes_total{outcome=\"reused\"}", 1.0));

        String access = rotated.json().path("access").asText();
        assertThat(http.post("/auth/logout", null, "Authorization", "Bearer " + access).status()).isEqualTo(202);
        Prometheus afterLogout = scrape();
        assertThat(afterLogout.changedSince(afterReuse, "auth_")).containsExactly(Map.entry("auth_logouts_total{scope=\"local\"}", 1.0));

        // the third refresh of this client is its last for the hour; the fourth is limited
        assertThat(http.post("/auth/refresh", "{\"refresh\":\"garbage\"}", client).code()).isEqualTo("token_not_valid");
        Prometheus afterInvalid = scrape();
        assertThat(afterInvalid.changedSince(afterLogout, "auth_")).containsExactly(
                Map.entry("auth_refreshes_total{outcome=\"invalid\"}", 1.0));
        Http.Reply limited = http.post("/auth/refresh", "{\"refresh\":\"garbage\"}", client);
        assertThat(limited.status()).isEqualTo(429);
        Prometheus afterLimit = scrape();
        assertThat(afterLimit.changedSince(afterInvalid, "auth_")).containsExactly(
                Map.entry("auth_rate_limited_total{route=\"/auth/refresh\"}", 1.0));
        assertThat(afterLimit.changedSince(afterInvalid, "http_server_requests_seconds_count")).containsExactly(
                Map.entry("http_server_requests_seconds_count{method=\"POST\",route=\"/auth/refresh\",status=\"429\"}", 1.0));
    }

    @Test
    void metrics_holdThePoolAndTheJvm_andNoRawPathOrToken() {
        String token = "eyJsecret.token.value";
        assertThat(http.get("/api/users/4242/" + token).status()).isEqualTo(404);
        assertThat(http.get("/api/users/me", "Authorization", "Bearer " + token).status()).isEqualTo(401);

        Prometheus metrics = scrape();
        String text = management.get("/metrics").body();

        assertThat(metrics.has("hikaricp_connections_active{pool=\"social-login-db\"}")).isTrue();
        assertThat(metrics.has("jvm_memory_used_bytes{")).isTrue();
        assertThat(metrics.has("jvm_gc_")).isTrue();
        assertThat(metrics.has("process_cpu_usage")).isTrue();
        assertThat(metrics.value("http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",status=\"404\"}")).isPositive();
        assertThat(metrics.has("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/users/me\",status=\"401\",le=\"0.005\"}"))
                .isTrue();
        // the raw path as a label value (a bare "4242" may well occur inside a measured duration)
        assertThat(text).doesNotContain(token, "users/4242");
    }

    /** The Grafana dashboard in docs/ queries only series this service exports (it cannot drift unnoticed either). */
    @Test
    void grafanaDashboard_queriesOnlySeriesTheServiceExports() throws Exception {
        // series that appear with their first event: a login, a logout
        http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakao.newAccount("dash")) + "\"}", "X-Forwarded-For", "198.51.100.77");
        http.post("/auth/logout", null);
        Prometheus metrics = scrape();
        JsonNode dashboard = Http.JSON.readTree(Path.of(System.getProperty("basedir", "."), "..", "docs", "grafana-dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher series = Pattern.compile("([a-z_]+)\\{").matcher(target.path("expr").asText());
                while (series.find()) {
                    names.add(series.group(1));
                }
            }
        }

        assertThat(names).hasSizeGreaterThan(10);
        // the GC pause timer is exported from the first collection on, which a short test may not see
        names.removeIf(name -> name.startsWith("jvm_gc_pause"));
        assertThat(names).allSatisfy(name -> assertThat(metrics.series().keySet())
                .as(name).anyMatch(series -> series.equals(name) || series.startsWith(name + "{")));
    }

    @Test
    void managementListener_isNotReachableOnTheMainPort_norTheApiOnIt() {
        Http.Reply onMainPort = http.get("/metrics");
        assertThat(onMainPort.status()).isEqualTo(404);
        assertThat(onMainPort.code()).isEqualTo("not_found");
        assertThat(management.get("/health").status()).isEqualTo(404);
        assertThat(management.get("/auth/providers").status()).isEqualTo(404);
        assertThat(managementPort).isNotEqualTo(service.port);
    }

    @Test
    void givenARouteTheDocumentDoesNotDescribe_theOpenApiCheck_failsTheTest() {
        // /metrics is served (on the management port) but not in the API's document
        Http checked = new Http("http://127.0.0.1:" + managementPort);

        assertThatThrownBy(() -> checked.get("/metrics"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("undocumented route /metrics answered 200");
    }

    // --- request ids -------------------------------------------------------------------------------

    @Test
    void givenARequestId_itIsEchoedAndInTheRequestsLogLine_elseOneIsGenerated() throws Exception {
        Http.Reply given = http.get("/auth/providers", "X-Request-Id", "ops-text-1");
        Http.Reply refused = http.get("/auth/providers", "X-Request-Id", "not acceptable!");
        Http.Reply none = http.get("/auth/providers");

        assertThat(given.header("X-Request-Id")).isEqualTo("ops-text-1");
        assertThat(refused.header("X-Request-Id")).matches("[a-z0-9]{20}");
        assertThat(none.header("X-Request-Id")).matches("[a-z0-9]{20}").isNotEqualTo(refused.header("X-Request-Id"));
        List<String> lines = awaitLines("rid=ops-text-1");
        assertThat(lines).anyMatch(line -> line.contains("RequestLogFilter rid=ops-text-1 - GET /auth/providers 200"));
        assertThat(service.output()).doesNotContain("not acceptable!")
                .contains("rid=" + none.header("X-Request-Id") + " - GET /auth/providers 200");
    }

    static List<String> awaitLines(String fragment) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> lines = service.lines().stream().filter(line -> line.contains(fragment)).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line with " + fragment + ":\n" + service.output());
    }

    // --- rate limits behind a trusted proxy ---------------------------------------------------------

    @Test
    void givenTrustedProxy_loginLimit_countsPerForwardedClient_andRetryAfterLetsTheNextOneThrough() throws Exception {
        String[] x = {"X-Forwarded-For", "203.0.113.5"};
        String[] y = {"X-Forwarded-For", "203.0.113.6"};
        assertThat(http.get("/auth/kakao/authorize", x).status()).isEqualTo(302);
        assertThat(http.get("/auth/kakao/authorize", x).status()).isEqualTo(302);

        Http.Reply limited = http.get("/auth/kakao/authorize", x);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 5L);
        // another client behind the same proxy has its own bucket
        assertThat(http.get("/auth/kakao/authorize", y).status()).isEqualTo(302);
        // a hop the client wrote itself (left of what the proxy appended) is not believed
        assertThat(http.get("/auth/kakao/authorize", "X-Forwarded-For", "203.0.113.6, 203.0.113.5").status()).isEqualTo(429);
        // the callback and the provider login share the login routes' bucket
        assertThat(http.post("/auth/kakao/login", "{\"code\":\"c\"}", x).status()).isEqualTo(429);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());

        assertThat(http.get("/auth/kakao/authorize", x).status()).isEqualTo(302);
    }
}
