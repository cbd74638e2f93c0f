package dev.sociallogin.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar social-login.jar self-test}: starts a throwaway instance of the whole service
 * (embedded database in a new temporary directory, a generated key, an ephemeral port on loopback,
 * Kakao enabled but pointed at a closed local port so nothing leaves the machine), asks it what a
 * client would over real HTTP, checks every answer, stops it and deletes its data. The operator's
 * configuration is not read at all.
 *
 * <p>It proves that the jar starts, migrates and serves on this machine, and the build uses it as
 * the training run of the class-data-sharing archive ({@code social-login.jsa}) that makes later
 * starts fast: every class it loads is in the archive.
 */
final class SelfTest {

    private static final Logger log = LoggerFactory.getLogger(SelfTest.class);
    /** Nothing listens on TCP port 1 on loopback: the provider answers at once with a refused connection. */
    static final String CLOSED_PROVIDER = "http://127.0.0.1:1";

    private final List<String> failures = new ArrayList<>();
    private int checks;

    private SelfTest() {
    }

    /** Runs the self-test; {@link Main#EXIT_OK} when every answer was right. */
    static int run() {
        // let HttpURLConnection send an Origin header, as browsers do (read once, when it is first used)
        System.setProperty("sun.net.http.allowRestrictedHeaders", "true");
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("social-login-self-test-");
        } catch (IOException e) {
            log.error("Self-test failed: cannot create a temporary directory ({})", e.getClass().getSimpleName());
            return Main.EXIT_FAILURE;
        }
        try {
            return new SelfTest().against(variables(dataDir));
        } finally {
            delete(dataDir);
        }
    }

    /**
     * The throwaway instance's configuration. The management listener gets a port free a moment ago
     * (0 would mean none, and the self-test checks it answers; it is also the class-data archive's
     * training run, which should load the metrics export too).
     */
    static Map<String, String> variables(Path dataDir) {
        return Map.of("AUTH_DATA_DIR", dataDir.toString(), "AUTH_HTTP_PORT", "0",
                "AUTH_MANAGEMENT_PORT", Integer.toString(freeLoopbackPort()),
                "KAKAO_CLIENT_ID", "self-test", "KAKAO_REDIRECT_URI", "http://localhost/auth/kakao/callback",
                "KAKAO_AUTH_BASE_URL", CLOSED_PROVIDER, "KAKAO_API_BASE_URL", CLOSED_PROVIDER);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the management listener", e);
        }
    }

    private int against(Map<String, String> variables) {
        long started = System.nanoTime();
        Service service;
        try {
            service = Service.start(variables::get);
        } catch (RuntimeException e) {
            log.error("Self-test failed: the service did not start", e);
            return Main.EXIT_FAILURE;
        }
        long startMillis = (System.nanoTime() - started) / 1_000_000;
        try (service) {
            exercise(URI.create("http://127.0.0.1:" + service.port()));
            service.managementPort().ifPresent(port -> {
                Answer metrics = expect(URI.create("http://127.0.0.1:" + port), "GET", "/metrics", null, false, 200, "text/plain",
                        "auth_refreshes_total{outcome=\"invalid\"} 1.0");
                if (metrics != null) {
                    check(metrics.body.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}"),
                            "/metrics counts the requests by route template");
                }
            });
        }
        if (!failures.isEmpty()) {
            failures.forEach(failure -> log.error("Self-test failed: {}", failure));
            return Main.EXIT_FAILURE;
        }
        log.info("Self-test passed: started in {} ms, {} checks over HTTP, stopped", startMillis, checks);
        return Main.EXIT_OK;
    }

    /** What was wrong in the answers of the service at {@code base}; empty when all were right. */
    static List<String> failuresOf(URI base) {
        SelfTest test = new SelfTest();
        test.exercise(base);
        return List.copyOf(test.failures);
    }

    private void exercise(URI base) {
        expect(base, "GET", "/health", null, false, 200, "application/json", "\"status\":\"UP\"");
        expect(base, "GET", "/health/live", null, false, 200, "application/json", "\"status\":\"UP\"");
        expect(base, "GET", "/health/ready", null, false, 200, "application/json", "\"status\":\"UP\"");
        expect(base, "GET", "/openapi.json", null, false, 200, "application/json", "\"3.1.0\"");
        expect(base, "GET", "/metrics", null, false, 404, "application/problem+json", "\"code\":\"not_found\"");
        expect(base, "GET", "/auth/providers", null, false, 200, "application/json", "\"providers\":[\"kakao\"]");
        Answer authorize = expect(base, "GET", "/auth/kakao/authorize", null, false, 302, null, null);
        if (authorize != null) {
            check(authorize.location != null && authorize.location.startsWith(CLOSED_PROVIDER + "/oauth/authorize?"),
                    "authorize redirects to the provider");
            check(authorize.setCookie != null && authorize.setCookie.startsWith("oauthState="), "authorize sets the oauthState cookie");
        }
        expect(base, "GET", "/auth/google/authorize", null, false, 404, "application/problem+json", "\"code\":\"unknown_provider\"");
        expect(base, "GET", "/api/users/me", null, false, 401, "application/problem+json", "\"code\":\"token_missing\"");
        expect(base, "POST", "/auth/refresh", "{\"refresh\":\"not-a-token\"}", false, 401, "application/problem+json",
                "\"code\":\"token_not_valid\"");
        expect(base, "POST", "/auth/verify", "{\"token\":\"not-a-token\"}", false, 401, "application/problem+json",
                "\"code\":\"token_not_valid\"");
        expect(base, "POST", "/auth/kakao/login", "{\"code\":\"self-test\"}", false, 502, "application/problem+json",
                "\"code\":\"provider_error\"");
        expect(base, "POST", "/auth/refresh", "{}", true, 403, "application/problem+json",
                "\"code\":\"csrf_rejected\"");
        expect(base, "POST", "/auth/logout", null, false, 202, "application/json", "Logout success");
        expect(base, "GET", "/no/such/route", null, false, 404, "application/problem+json", "\"code\":\"not_found\"");
    }

    /**
     * One request; records a failure unless the status, content type and a fragment of the body are
     * as expected. A {@code crossSite} request carries a refresh cookie and another site's Origin, as
     * a browser sends it when that site makes it post to us.
     */
    private Answer expect(URI base, String method, String path, String json, boolean crossSite, int status, String contentType,
            String bodyFragment) {
        String what = method + " " + path;
        Answer answer;
        try {
            answer = send(base.resolve(path), method, json, crossSite);
        } catch (IOException | UncheckedIOException e) {
            checks++;
            failures.add(what + ": no answer (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        check(answer.status == status, what + " answers " + status + " (got " + answer.status + ")");
        if (contentType != null) {
            check(answer.contentType != null && answer.contentType.startsWith(contentType),
                    what + " answers " + contentType + " (got " + answer.contentType + ")");
        }
        if (bodyFragment != null) {
            check(answer.body.contains(bodyFragment), what + " answers a body with " + bodyFragment);
        }
        return answer;
    }

    private void check(boolean passed, String what) {
        checks++;
        if (!passed) {
            failures.add(what);
        }
    }

    private static Answer send(URI uri, String method, String json, boolean crossSite) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            if (crossSite) {
                connection.setRequestProperty("Origin", "https://attacker.example");
                connection.setRequestProperty("Cookie", "refreshToken=self-test");
            }
            if (method.equals("POST")) {
                // buffered, not streamed: in streaming mode HttpURLConnection drops the body of a 401
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write((json == null ? "" : json).getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = "";
            if (in != null) {
                try (in) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, connection.getContentType(), body, connection.getHeaderField("Location"),
                    connection.getHeaderField("Set-Cookie"));
        } finally {
            connection.disconnect();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Self-test: could not delete {} ({})", dir, e.getClass().getSimpleName());
        }
    }

    private record Answer(int status, String contentType, String body, String location, String setCookie) {
    }
}
