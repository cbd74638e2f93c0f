package dev.sociallogin.adapter.in.web;

import static dev.sociallogin.adapter.in.web.WebAdapterIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import dev.sociallogin.application.port.in.RefreshResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What operators rely on, driven over real HTTP against scripted use cases: request ids in answers and
 * log lines, liveness and readiness, the request meters' route templates, the rate limits (per client,
 * behind trusted proxies, bounded in memory under an address flood).
 */
class OperationsWebIT {

    private final StubUseCases stubs = new StubUseCases();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HttpHarness http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private HttpHarness start(RateLimitSettings limits) {
        http = HttpHarness.start(WebSettings.defaults(0), limits, meters, stubs.useCases());
        return http;
    }

    private static RateLimitSettings limits(String login, String refresh, String proxies, int maxClients) {
        java.util.Map<String, String> variables = new java.util.HashMap<>();
        variables.put("AUTH_RATE_LIMIT_LOGIN", login);
        variables.put("AUTH_RATE_LIMIT_REFRESH", refresh);
        variables.put("AUTH_TRUSTED_PROXIES", proxies);
        RateLimitSettings read = RateLimitSettings.from(variables::get);
        return new RateLimitSettings(read.login().orElse(null), read.refresh().orElse(null), read.trustedProxies(), maxClients);
    }

    // ---------------------------------------------------------------- request ids

    @Test
    void givenAcceptableRequestId_itIsEchoed_otherwiseAFreshOneIsGenerated() {
        start(RateLimitSettings.off());

        assertThat(http.get("/auth/providers", "X-Request-Id", "abc.DEF-123_x").header("X-Request-Id")).isEqualTo("abc.DEF-123_x");
        assertThat(http.get("/auth/providers", "X-Request-Id", "a".repeat(64)).header("X-Request-Id")).isEqualTo("a".repeat(64));
        for (String refused : List.of("a".repeat(65), "has space", "semi;colon", "quote\"d", "")) {
            String answered = http.get("/auth/providers", "X-Request-Id", refused).header("X-Request-Id");
            assertThat(answered).as(refused).matches("[a-z0-9]{20}").isNotEqualTo(refused);
        }
        String first = http.get("/health").header("X-Request-Id");
        assertThat(first).isNotEqualTo(http.get("/health").header("X-Request-Id"));
        // also on what the filters answer before any controller, and on problems
        assertThat(http.get("/no/such/route", "X-Request-Id", "r-404").header("X-Request-Id")).isEqualTo("r-404");
        assertThat(http.postJson("/auth/verify", "{\"token\":\"" + "a".repeat(17_000) + "\"}", "X-Request-Id", "r-413")
                .header("X-Request-Id")).isEqualTo("r-413");
    }

    @Test
    void everyLogLineOfARequest_carriesItsId_alsoAfterTheBodyWasReadAsynchronously() {
        start(RateLimitSettings.off());
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        org.slf4j.Logger useCaseLog = LoggerFactory.getLogger("dev.sociallogin.application.service.Stub");
        stubs.refresh = command -> {
            // what a use case logs on the request's thread (the body's continuation, not the thread that took the request)
            useCaseLog.info("rotating");
            return new RefreshResult(StubUseCases.USER, stubs.pair("r"));
        };
        try {
            assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"t\"}", "X-Request-Id", "body-req-1").status()).isEqualTo(200);
            assertThat(http.get("/auth/providers", "X-Request-Id", "get-req-1").status()).isEqualTo(200);
        } finally {
            root.detachAppender(logs);
        }

        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().equals("rotating"))
                .singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "body-req-1"));
        assertThat(logs.list).filteredOn(e -> e.getLoggerName().equals(RequestLogFilter.class.getName()))
                .extracting(e -> e.getMDCPropertyMap().get("requestId") + " " + e.getFormattedMessage().replaceAll(" \\d+ms$", ""))
                .containsExactly("body-req-1 POST /auth/refresh 200", "get-req-1 GET /auth/providers 200");
    }

    // ---------------------------------------------------------------- liveness and readiness

    @Test
    void readiness_isDownUntilStartUpIsDone_andWhileStorageIsDown_livenessIsAlwaysUp() {
        start(RateLimitSettings.off());

        assertThat(http.get("/health/ready").status()).isEqualTo(503);
        assertThat(http.get("/health/ready").body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(http.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.get("/health").status()).isEqualTo(200);

        http.server().ready();
        assertThat(http.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");

        stubs.health = () -> false;
        assertThat(http.get("/health/ready").status()).isEqualTo(503);
        assertThat(http.get("/health").status()).isEqualTo(503);
        stubs.health = () -> {
            throw new IllegalStateException("the check itself failed");
        };
        assertThat(http.get("/health/ready").status()).isEqualTo(503);
        Reply live = http.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    // ---------------------------------------------------------------- request meters

    private double requests(String method, String route, String status) {
        var timer = meters.find(RequestMetrics.REQUESTS).tags("method", method, "route", route, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void requestMeters_nameRouteTemplates_neverRawPaths() {
        start(RateLimitSettings.off());

        http.get("/auth/kakao/authorize");
        http.get("/auth/naver/authorize");
        http.get("/auth/logout");
        http.get("/api/users/4242/token-abc");
        http.postEmpty("/auth/logout?scope=global");
        http.postEmpty("/auth/logout");
        http.postJson("/auth/verify", "{\"token\":\"" + "a".repeat(17_000) + "\"}");

        assertThat(requests("GET", "/auth/{provider}/authorize", "302")).isEqualTo(2);
        assertThat(requests("GET", "/auth/logout", "405")).isEqualTo(1);
        assertThat(requests("GET", Routes.UNMATCHED, "404")).isEqualTo(1);
        assertThat(requests("POST", "/auth/logout", "202")).isEqualTo(2);
        assertThat(requests("POST", "/auth/verify", "413")).isEqualTo(1);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                .doesNotContain("kakao/", "4242", "token-abc", "?"));
        assertThat(meters.get(RequestMetrics.LOGOUTS).tag("scope", "global").counter().count()).isEqualTo(1);
        assertThat(meters.get(RequestMetrics.LOGOUTS).tag("scope", "local").counter().count()).isEqualTo(1);
        assertThat(meters.get(RequestMetrics.LOGOUTS).tag("scope", "others").counter().count()).isZero();
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void givenLoginLimit_theLoginRoutesShareOneBucketPerClient_and429CarriesRetryAfter() {
        start(limits("3/3m", "off", "", 1000));

        assertThat(http.get("/auth/kakao/authorize").status()).isEqualTo(302);
        // the state is the login use case's to check (a stub here): what counts is that the callback takes from the bucket
        assertThat(http.get("/auth/kakao/callback?code=c&state=s").status()).isNotEqualTo(429);
        assertThat(http.postJson("/auth/kakao/login", "{\"code\":\"c\"}").status()).isEqualTo(200);

        Reply limited = http.get("/auth/kakao/authorize");
        assertProblem(limited, 429, "rate_limited");
        // one request per minute comes back: the next in 60 s
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertProblem(http.postJson("/auth/kakao/login", "{\"code\":\"c\"}"), 429, "rate_limited");
        // other routes are not limited, refresh has its own (here: no) limit
        assertThat(http.get("/auth/providers").status()).isEqualTo(200);
        assertThat(http.postJson("/auth/refresh", "{\"refresh\":\"t\"}").status()).isEqualTo(200);
        assertThat(meters.get(RateLimitFilter.RATE_LIMITED).tag("route", "/auth/{provider}/authorize").counter().count()).isEqualTo(1);
        assertThat(meters.get(RateLimitFilter.RATE_LIMITED).tag("route", "/auth/{provider}/login").counter().count()).isEqualTo(1);
        assertThat(requests("GET", "/auth/{provider}/authorize", "429")).isEqualTo(1);

        stubs.clock.advance(Duration.ofSeconds(59));
        assertThat(http.get("/auth/kakao/authorize").status()).isEqualTo(429);
        stubs.clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/auth/kakao/authorize").status()).isEqualTo(302);
        assertThat(http.get("/auth/kakao/authorize").status()).isEqualTo(429);
    }

    @Test
    void givenNoTrustedProxy_forwardedForIsIgnored() {
        start(limits("1/1h", "1/1h", "", 1000));

        assertThat(http.postJson("/auth/refresh", "{}", "X-Forwarded-For", "192.0.2.1").status()).isEqualTo(200);
        assertProblem(http.postJson("/auth/refresh", "{}", "X-Forwarded-For", "192.0.2.2"), 429, "rate_limited");
    }

    @Test
    void givenTrustedProxies_theRightMostUntrustedHopIsTheClient() {
        // the test's peer is 127.0.0.1 (or ::1); 10.0.0.0/8 and 2001:db8:1::/48 are further proxies
        start(limits("1/1h", "off", "127.0.0.1, ::1, 10.0.0.0/8, 2001:db8:1::/48", 1000));

        assertThat(authorize("198.51.100.1").status()).isEqualTo(302);
        assertThat(authorize("198.51.100.1").status()).isEqualTo(429);
        // each forwarded client has its bucket
        assertThat(authorize("198.51.100.2").status()).isEqualTo(302);
        // hops the proxies appended (trusted) are skipped; what the client wrote left of them is not believed
        assertThat(authorize("203.0.113.9, 198.51.100.3, 10.1.2.3").status()).isEqualTo(302);
        assertThat(authorize("198.51.100.3").status()).isEqualTo(429);
        assertThat(authorize("198.51.100.4", "10.9.9.9").status()).isEqualTo(302);
        assertThat(authorize("198.51.100.4").status()).isEqualTo(429);
        // IPv6 in brackets with a port, and one client per /64
        assertThat(authorize("[2001:db8:2:3::1]:4711").status()).isEqualTo(302);
        assertThat(authorize("2001:db8:2:3:ffff::2").status()).isEqualTo(429);
        assertThat(authorize("2001:db8:2:4::1, 2001:db8:1::7").status()).isEqualTo(302);
        // a hop that is no address ends the walk at the nearest proxy: here the peer itself
        assertThat(authorize("not-an-address").status()).isEqualTo(302);
        assertThat(authorize("garbage, 127.0.0.1").status()).isEqualTo(429);
    }

    private Reply authorize(String... forwardedFor) {
        String[] headers = new String[forwardedFor.length * 2];
        for (int i = 0; i < forwardedFor.length; i++) {
            headers[2 * i] = "X-Forwarded-For";
            headers[2 * i + 1] = forwardedFor[i];
        }
        okhttp3.Request.Builder request = http.request("/auth/kakao/authorize").get();
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return http.send(request);
    }

    /**
     * An address flood over HTTP: 10,000 distinct forwarded clients, twenty times the bound configured
     * here (500), each allowed once: the buckets held stay at the bound instead of growing with every
     * address. ({@code RateLimiterTest} floods the limiter itself with a million addresses.)
     */
    @Test
    void givenAnAddressFlood_theBucketsHeldStayBounded() throws Exception {
        int clients = 10_000;
        int bound = 500;
        start(limits("off", "5/1h", "127.0.0.1, ::1", bound));
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    int refused = 0;
                    for (int i = offset; i < clients; i += threads) {
                        String address = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
                        Reply reply = http.send(http.request("/auth/refresh").post(okhttp3.RequestBody.create(new byte[0], null))
                                .header("X-Forwarded-For", address));
                        if (reply.status() == 429) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            int refused = 0;
            for (Future<Integer> run : runs) {
                refused += run.get();
            }
            assertThat(refused).isZero();
        } finally {
            pool.shutdownNow();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        LoggerFactory.getLogger(OperationsWebIT.class).info("{} distinct clients in {} s; buckets held: {}", clients, seconds,
                http.server().rateLimitedClients(RateLimitFilter.REFRESH_ROUTE));

        assertThat(http.server().rateLimitedClients(RateLimitFilter.REFRESH_ROUTE)).isLessThanOrEqualTo(bound);
    }
}
