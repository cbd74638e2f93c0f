package dev.sociallogin.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.adapter.in.web.HttpHarness.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and stalled request bodies (issue 9, item 2): they cost a connection each, never a worker.
 * More stalled senders than Tomcat has workers (200) must not keep {@code /health} or a login from
 * answering, and each stalled request is cut after the body read timeout with a 408 problem.
 */
class SlowClientsIT {

    private static final int STALLED = 260;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final StubUseCases stubs = new StubUseCases();
    private final List<Socket> sockets = new ArrayList<>();
    private HttpHarness http;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void givenMoreStalledBodiesThanWorkers_healthAndLoginStillAnswerAtOnce_andEachStalledRequestGets408() throws Exception {
        http = HttpHarness.start(new WebSettings(0, true, "None", null, true, List.of(), null, WebSettings.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(1), READ_TIMEOUT), stubs.useCases());
        int port = http.server().port();
        // warm up first: what is measured below is waiting for a worker, not the first request's class loading
        for (int i = 0; i < 20; i++) {
            http.get("/health");
            http.postJson("/auth/kakao/login", "{\"code\":\"c\"}");
        }
        long opened = System.nanoTime();
        for (int i = 0; i < STALLED; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            // a declared 10 KB body, one byte of it, then nothing (alternately: a body that trickles)
            out.write(("POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10240\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        // every worker would be taken by now if bodies were read on workers
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Reply health = http.get("/health");
            Reply login = http.postJson("/auth/kakao/login", "{\"code\":\"c\"}");
            assertThat(health.status()).isEqualTo(200);
            assertThat(login.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
        // each stalled request is cut: a 408 problem within the read timeout (plus slack), then the connection closes
        ExecutorService readers = Executors.newFixedThreadPool(32);
        List<Future<String>> answers = new ArrayList<>();
        for (Socket socket : sockets) {
            answers.add(readers.submit(() -> readAll(socket)));
        }
        for (Future<String> answer : answers) {
            String response = answer.get(READ_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP/1.1 408");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json").contains("\"code\":\"request_timeout\"");
        }
        readers.shutdown();
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(READ_TIMEOUT.plusSeconds(10));
        assertThat(stubs.commands).noneMatch(c -> c instanceof dev.sociallogin.application.port.in.RefreshCommand);
    }

    @Test
    void givenABodyThatTricklesInWithinTheTimeout_itIsServedNormally() throws Exception {
        http = HttpHarness.start(new WebSettings(0, true, "None", null, true, List.of(), null, WebSettings.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(1), READ_TIMEOUT), stubs.useCases());
        try (Socket socket = new Socket("127.0.0.1", http.server().port())) {
            byte[] body = "{\"refresh\":\"r1\"}".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
            assertThat(readAll(socket)).startsWith("HTTP/1.1 200");
        }
        assertThat(stubs.last(dev.sociallogin.application.port.in.RefreshCommand.class).refreshToken()).isEqualTo("r1");
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout((int) READ_TIMEOUT.plusSeconds(10).toMillis());
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(no answer)";
        }
    }
}
