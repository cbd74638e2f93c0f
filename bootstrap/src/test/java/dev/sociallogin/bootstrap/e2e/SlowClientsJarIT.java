package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow clients against the packaged jar (issue 9, item 2): a few hundred connections that trickle or
 * stall their body, or their headers, must not keep {@code /health} and a login from answering within
 * a second; each stalled body is cut after the body read time (10 s) with a 408 problem.
 */
class SlowClientsJarIT {

    private static final Logger log = LoggerFactory.getLogger(SlowClientsJarIT.class);
    private static final int STALLED_BODIES = 240;
    private static final int TRICKLING_BODIES = 40;
    private static final int SLOW_HEADERS = 100;
    private static final Duration BODY_READ_TIME = Duration.ofSeconds(10);

    @Test
    void givenHundredsOfSlowClients_healthAndLoginKeepAnswering_andStalledBodiesAreCutWith408() throws Exception {
        Path dataDir = Files.createTempDirectory("slow-clients-");
        List<Socket> sockets = new ArrayList<>();
        try (KakaoFake kakao = new KakaoFake();
             ServiceProcess service = ServiceProcess.start(Map.of("AUTH_DATA_DIR", dataDir.toString(),
                     "KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID, "KAKAO_AUTH_BASE_URL", kakao.baseUrl(),
                     "KAKAO_API_BASE_URL", kakao.baseUrl(), "AUTH_RATE_LIMIT_LOGIN", "off", "AUTH_RATE_LIMIT_REFRESH", "off"))) {
            service.awaitHealthy(Duration.ofSeconds(60));
            Http http = new Http(service.baseUrl());
            for (int i = 0; i < 10; i++) {
                assertThat(login(http, kakao)).isEqualTo(200);
            }
            long opened = System.nanoTime();
            for (int i = 0; i < STALLED_BODIES + TRICKLING_BODIES; i++) {
                Socket socket = new Socket("127.0.0.1", service.port);
                sockets.add(socket);
                write(socket, "POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 10240\r\n\r\n{");
            }
            List<Socket> headerSenders = new ArrayList<>();
            for (int i = 0; i < SLOW_HEADERS; i++) {
                Socket socket = new Socket("127.0.0.1", service.port);
                headerSenders.add(socket);
                write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            }
            long worstMillis = 0;
            for (int round = 0; round < 8; round++) {
                // the trickling ones send one more byte a second; the slow headers one more character
                for (int i = STALLED_BODIES; i < sockets.size(); i++) {
                    write(sockets.get(i), " ");
                }
                for (Socket socket : headerSenders) {
                    write(socket, "x");
                }
                long start = System.nanoTime();
                assertThat(http.get("/health").status()).isEqualTo(200);
                assertThat(login(http, kakao)).isEqualTo(200);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                worstMillis = Math.max(worstMillis, millis);
                assertThat(Duration.ofMillis(millis)).as("health + login while slow clients hold connections").isLessThan(Duration.ofSeconds(1));
                Thread.sleep(1000);
            }
            ExecutorService readers = Executors.newFixedThreadPool(32);
            List<Future<String>> answers = new ArrayList<>();
            for (Socket socket : sockets) {
                answers.add(readers.submit(() -> readAll(socket)));
            }
            int cut = 0;
            for (Future<String> answer : answers) {
                String response = answer.get(BODY_READ_TIME.toSeconds() + 20, TimeUnit.SECONDS);
                assertThat(response).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"");
                cut++;
            }
            readers.shutdown();
            long allCutMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            assertThat(Duration.ofMillis(allCutMillis)).isLessThan(BODY_READ_TIME.plusSeconds(15));
            log.info("Slow clients: {} stalled + {} trickling bodies and {} slow header senders; health + login worst {} ms;"
                    + " all {} bodies cut with 408 after {} ms", STALLED_BODIES, TRICKLING_BODIES, SLOW_HEADERS, worstMillis, cut,
                    allCutMillis);
            for (Socket socket : headerSenders) {
                socket.close();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static int login(Http http, KakaoFake kakao) {
        long account = kakao.newAccount("느린 손님");
        return http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(account) + "\"}").status();
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout((int) BODY_READ_TIME.plusSeconds(20).toMillis());
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(no answer)";
        }
    }
}
