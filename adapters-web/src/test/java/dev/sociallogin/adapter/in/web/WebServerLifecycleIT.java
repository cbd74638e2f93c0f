package dev.sociallogin.adapter.in.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.domain.model.TokenPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.sociallogin.adapter.in.web.WebAdapterIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as a whole: its request log, its graceful close, what Tomcat itself answers. */
class WebServerLifecycleIT {

    private final StubUseCases stubs = new StubUseCases();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private HttpHarness http;

    private HttpHarness start(Duration grace) {
        http = HttpHarness.start(new WebSettings(0, true, "None", null, true, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, grace), stubs.useCases());
        return http;
    }

    private void captureLogs() {
        logs.start();
        root.addAppender(logs);
        ((Logger) LoggerFactory.getLogger(RequestLogFilter.class)).setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        if (http != null) {
            http.close();
        }
    }

    private List<String> requestLines() {
        return logs.list.stream()
                .filter(e -> e.getLoggerName().equals(RequestLogFilter.class.getName()))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private String allLogText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void everyRequest_logsOneLineWithMethodPathStatusAndDuration_withoutQueryTokensOrCookies() {
        start(Duration.ofSeconds(5));
        captureLogs();
        TokenPair tokens = stubs.pair("logged");
        stubs.logIn = command -> new LoginResult(StubUseCases.USER, false, tokens);

        http.get("/auth/kakao/callback?code=SECRET-CODE-1&state=SECRET-STATE-123456789012",
                "Cookie", "oauthState=SECRET-STATE-123456789012; refreshToken=SECRET-COOKIE",
                "Authorization", "Bearer SECRET-BEARER");
        http.postJson("/auth/verify", "{\"token\":\"SECRET-BODY-TOKEN\"}");

        List<String> lines = requestLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("GET /auth/kakao/callback 200 \\d+ms");
        assertThat(lines.get(1)).matches("POST /auth/verify 200 \\d+ms");
        assertThat(allLogText()).doesNotContain("SECRET", tokens.access().value(), tokens.refresh().value(), "?");
    }

    @Test
    void givenSpringAtDebug_noLogLineHoldsTheQueryOrATokenEither() {
        start(Duration.ofSeconds(5));
        captureLogs();
        Logger spring = (Logger) LoggerFactory.getLogger("org.springframework");
        ch.qos.logback.classic.Level before = spring.getLevel();
        spring.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            http.get("/auth/kakao/callback?code=SECRET-CODE-2&state=SECRET-STATE-123456789012",
                    "Cookie", "oauthState=SECRET-STATE-123456789012");
            http.postJson("/auth/refresh", "{\"refresh\":\"SECRET-REFRESH\"}", "Authorization", "Bearer SECRET-BEARER");
        } finally {
            spring.setLevel(before);
        }
        assertThat(logs.list).anyMatch(e -> e.getLoggerName().startsWith("org.springframework"));
        assertThat(allLogText()).doesNotContain("SECRET");
    }

    @Test
    void givenUnexpectedFailure_logsTheClassButNotTheMessage() {
        start(Duration.ofSeconds(5));
        captureLogs();
        stubs.verify = command -> {
            throw new IllegalStateException("SECRET message quoting " + command.token());
        };
        Reply reply = http.postJson("/auth/verify", "{\"token\":\"SECRET-TOKEN\"}");
        assertProblem(reply, 500, "internal_error");
        assertThat(allLogText()).contains("java.lang.IllegalStateException").doesNotContain("SECRET");
        assertThat(requestLines()).containsExactly(requestLines().get(0)).first().asString().startsWith("POST /auth/verify 500 ");
    }

    @Test
    void givenMalformedJson_theLogHoldsNoneOfTheInput() {
        start(Duration.ofSeconds(5));
        captureLogs();
        assertProblem(http.postJson("/auth/kakao/login", "{\"code\": SECRET-NOT-JSON}"), 400, "invalid_request");
        assertThat(allLogText()).doesNotContain("SECRET");
    }

    @Test
    void close_letsAnInFlightRequestFinishAndThenRefusesConnections() throws Exception {
        start(Duration.ofSeconds(10));
        int port = http.server().port();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        stubs.health = () -> {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> http.get("/health"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> http.server().close());
        Thread.sleep(300);
        assertThat(closing).isNotDone();
        // no new connection is accepted while draining
        assertThatThrownBy(() -> connect(port)).isInstanceOf(IOException.class);

        release.countDown();
        Reply reply = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
        closing.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void givenALibraryThreadStartedWhileServing_close_warnsOfNoMemoryLeak() throws Exception {
        // what OkHttp does on the first call to Kakao: a pool thread started on a request thread,
        // inheriting its context class loader, still alive when the service stops
        java.util.logging.Logger tomcatLoader = java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        tomcatLoader.addHandler(handler);
        CountDownLatch end = new CountDownLatch(1);
        try {
            start(Duration.ofSeconds(5));
            stubs.health = () -> {
                Thread pool = new Thread(() -> {
                    try {
                        end.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "library-pool");
                pool.setDaemon(true);
                pool.start();
                return true;
            };
            assertThat(http.get("/health").status()).isEqualTo(200);

            http.server().close();

            assertThat(records).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
        } finally {
            end.countDown();
            tomcatLoader.removeHandler(handler);
        }
    }

    @Test
    void givenARequestOutlastingTheGrace_closeStillEnds() throws Exception {
        start(Duration.ofMillis(300));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        stubs.health = () -> {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        CompletableFuture.runAsync(() -> {
            try {
                http.get("/health");
            } catch (RuntimeException e) {
                // the connection is cut when the grace runs out
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        try {
            http.server().close();
        } finally {
            release.countDown();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void givenPortInUse_startFailsClearly() {
        start(Duration.ofSeconds(1));
        WebSettings samePort = new WebSettings(http.server().port(), true, "None", null, true, List.of(), null,
                WebSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1));
        assertThatThrownBy(() -> WebServer.start(samePort, RateLimitSettings.off(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), stubs.useCases().context()))
                .isInstanceOfSatisfying(dev.sociallogin.settings.InvalidSettingException.class,
                        e -> assertThat(e.variable()).isEqualTo(WebSettings.AUTH_HTTP_PORT));
        // the first one is unharmed
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void requestsTomcatRefusesItself_answerWithoutHtmlOrServerInfo() throws IOException {
        start(Duration.ofSeconds(1));
        int port = http.server().port();
        for (String request : List.of(
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /a/../../etc HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "TRACE /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(40_000) + "\r\nConnection: close\r\n\r\n")) {
            String response = exchange(port, request);
            assertThat(response).startsWith("HTTP/1.1 4");
            assertThat(response).doesNotContain("<html", "Apache Tomcat", "Exception", "<h1");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (!body.isEmpty()) {
                assertThat(response).containsIgnoringCase("content-type: application/problem+json");
                assertThat(body).contains("\"code\"");
            }
        }
    }

    @Test
    void requestsTomcatCannotServe_answerAProblemWhoseStatusIsTheHttpStatus() throws IOException {
        // issue 9, item 9: a 501 used to answer a body saying 500 internal_error
        start(Duration.ofSeconds(1));
        int port = http.server().port();
        for (String request : List.of(
                "POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
                "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(40_000) + "\r\nConnection: close\r\n\r\n")) {
            String response = exchange(port, request);
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).as(response).isBetween(400, 599);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (!body.isEmpty()) {
                assertThat(body).as(response).contains("\"status\":" + status);
            }
        }
    }

    @Test
    void givenAClientThatGoesAwayBeforeTheAnswer_nothingIsLoggedAtError() throws Exception {
        captureLogs();
        start(Duration.ofSeconds(1));
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch gone = new CountDownLatch(1);
        stubs.currentUser = query -> {
            called.countDown();
            try {
                gone.await(5, TimeUnit.SECONDS);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new dev.sociallogin.application.port.in.CurrentUser(StubUseCases.USER, null);
        };
        int port = http.server().port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoLinger(true, 0);
            socket.getOutputStream().write(("GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
        }
        gone.countDown();
        // a few answers more, so that the aborted one has surely been written and logged
        for (int i = 0; i < 3; i++) {
            http.get("/health");
        }
        Thread.sleep(300);
        assertThat(logs.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (socket.getInputStream().read() < 0) {
                throw new IOException("connection closed without an answer");
            }
        }
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
