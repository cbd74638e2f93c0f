package dev.sociallogin.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for Kakao's {@code /oauth/token}, {@code /v2/user/me} and
 * {@code /v1/user/access_token_info} (shapes as in the shared kakao-api.md), run in its own process
 * so that its CPU shows apart from the service's. It keeps no state: the user id travels inside the
 * authorization code ({@code <id>-<random>}, see {@link KakaoIds#code}) and then inside the Kakao
 * access token it hands out ({@code kat-<id>-...}), so any number of distinct users costs nothing
 * and a request is answered with a few string operations. The load driver therefore decides which
 * Kakao user logs in, new or known.
 *
 * <pre>java -cp bench-harness.jar dev.sociallogin.benchmarks.Bench fake-kakao [--port 0] [--threads 8] [--app-id 424242]</pre>
 * Prints {@code PORT <n>} on stdout once it listens; stops on SIGTERM.
 */
final class FakeKakao {

    static final long APP_ID = 424242;
    private static final String TOKEN_PREFIX = "kat-";

    private FakeKakao() {
    }

    static void main(Args args) throws IOException, InterruptedException {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm on,
        // the second waits for the client's delayed ACK (40 ms on Linux) on every response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = args.intValue("port", 0);
        int threads = args.intValue("threads", 8);
        long appId = args.longValue("app-id", APP_ID);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/oauth/token", FakeKakao::token);
        server.createContext("/v2/user/me", FakeKakao::userMe);
        server.createContext("/v1/user/access_token_info", exchange -> tokenInfo(exchange, appId));
        server.createContext("/", exchange -> send(exchange, 404, "{\"msg\":\"not found\",\"code\":-2}"));
        server.start();
        System.out.println("PORT " + server.getAddress().getPort());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"invalid_request\",\"error_code\":\"KOE000\"}");
            return;
        }
        String form;
        try (InputStream in = exchange.getRequestBody()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long id = KakaoIds.idOfCode(formValue(form, "code"));
        if (id <= 0) {
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"authorization code not found\","
                    + "\"error_code\":\"KOE320\"}");
            return;
        }
        String suffix = Long.toHexString(System.nanoTime());
        send(exchange, 200, "{\"token_type\":\"bearer\",\"access_token\":\"" + TOKEN_PREFIX + id + "-" + suffix
                + "AAAAAQoXEC8AAAGV1kYOqS2N1GIgzv2p\",\"expires_in\":21599,\"refresh_token\":\"krt-" + id + "-" + suffix
                + "AAAAAgoXEC8AAAGV1kYOoi2N1GIgzv2p\",\"refresh_token_expires_in\":5183999,"
                + "\"scope\":\"account_email profile_nickname\"}");
    }

    private static void userMe(HttpExchange exchange) throws IOException {
        long id = bearerId(exchange);
        if (id <= 0) {
            unauthorized(exchange);
            return;
        }
        // a Korean nickname with an emoji, a verified and valid email: the common, complete profile
        send(exchange, 200, "{\"id\":" + id + ",\"connected_at\":\"2025-07-30T08:51:33Z\","
                + "\"properties\":{\"nickname\":\"사용자" + id % 100_000 + "🐯\"},"
                + "\"kakao_account\":{\"profile_nickname_needs_agreement\":false,"
                + "\"profile\":{\"nickname\":\"사용자" + id % 100_000 + "🐯\",\"is_default_image\":true,\"is_default_nickname\":false},"
                + "\"has_email\":true,\"email_needs_agreement\":false,\"is_email_valid\":true,\"is_email_verified\":true,"
                + "\"email\":\"user" + id + "@bench.example\"}}");
    }

    private static void tokenInfo(HttpExchange exchange, long appId) throws IOException {
        long id = bearerId(exchange);
        if (id <= 0) {
            unauthorized(exchange);
            return;
        }
        send(exchange, 200, "{\"id\":" + id + ",\"expires_in\":7199,\"app_id\":" + appId + "}");
    }

    private static void unauthorized(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=invalid_token");
        send(exchange, 401, "{\"msg\":\"this access token does not exist\",\"code\":-401}");
    }

    /** The user id inside {@code Authorization: Bearer kat-<id>-...}, or -1. */
    private static long bearerId(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer " + TOKEN_PREFIX)) {
            return -1;
        }
        int start = 7 + TOKEN_PREFIX.length();
        int end = header.indexOf('-', start);
        try {
            return Long.parseLong(header, start, end < 0 ? header.length() : end, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
