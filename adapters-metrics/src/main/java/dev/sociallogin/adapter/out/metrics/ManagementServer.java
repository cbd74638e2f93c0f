package dev.sociallogin.adapter.out.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sociallogin.settings.InvalidSettingException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The management listener: {@code GET /metrics} in the Prometheus text format, on its own port and
 * address, apart from the API's server (its routes are not reachable there, nor this one on the API's
 * port). The JDK's own HTTP server on one daemon thread: a scrape every few seconds needs no more.
 */
final class ManagementServer implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens; a port that cannot be bound is an {@link InvalidSettingException} naming {@code AUTH_MANAGEMENT_PORT}. */
    static ManagementServer start(ManagementSettings settings, PrometheusMeterRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 16);
        } catch (BindException e) {
            throw new InvalidSettingException(ManagementSettings.AUTH_MANAGEMENT_PORT,
                    "cannot listen on port " + settings.port() + " (in use, or not allowed)", e);
        } catch (IOException e) {
            throw new InvalidSettingException(ManagementSettings.AUTH_MANAGEMENT_ADDRESS, "cannot listen on this address", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "management");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, registry));
        server.start();
        return new ManagementServer(server, executor);
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n", method);
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n", method);
            } else {
                send(exchange, 200, CONTENT_TYPE, registry.scrape(), method);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String method) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The port actually bound. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
