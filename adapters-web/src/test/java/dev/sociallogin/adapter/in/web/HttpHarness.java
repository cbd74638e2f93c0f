package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.testfixtures.openapi.OpenApiContract;
import dev.sociallogin.testfixtures.openapi.OpenApiInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real HTTP client for the tests: OkHttp without a cookie jar and without following redirects,
 * so every Set-Cookie and Location is read as the server sent it; every exchange is checked against
 * the OpenAPI document ({@link OpenApiInterceptor}).
 */
final class HttpHarness implements AutoCloseable {

    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebServer server;
    private final OkHttpClient client;

    HttpHarness(WebServer server) {
        this(server, OpenApiInterceptor.DOCUMENT);
    }

    /** Every exchange is checked against {@code contract} (the repository's document unless a test alters it). */
    HttpHarness(WebServer server, OpenApiContract contract) {
        this.server = server;
        this.client = new OkHttpClient.Builder()
                .addInterceptor(new OpenApiInterceptor(contract))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** No rate limits, meters into a throwaway registry: what most tests want. */
    static HttpHarness start(WebSettings settings, WebUseCases useCases) {
        return start(settings, RateLimitSettings.off(), new SimpleMeterRegistry(), useCases);
    }

    static HttpHarness start(WebSettings settings, RateLimitSettings limits, MeterRegistry meters, WebUseCases useCases) {
        return new HttpHarness(WebServer.start(settings, limits, meters, useCases.context()));
    }

    WebServer server() {
        return server;
    }

    OkHttpClient client() {
        return client;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    Request.Builder request(String pathAndQuery) {
        return new Request.Builder().url(url(pathAndQuery));
    }

    Reply get(String pathAndQuery, String... headers) {
        return send(withHeaders(request(pathAndQuery).get(), headers));
    }

    Reply postJson(String pathAndQuery, String json, String... headers) {
        return send(withHeaders(request(pathAndQuery).post(RequestBody.create(json, JSON)), headers));
    }

    /** A POST without a body and without a Content-Type. */
    Reply postEmpty(String pathAndQuery, String... headers) {
        return send(withHeaders(request(pathAndQuery).post(RequestBody.create(new byte[0], null)), headers));
    }

    Reply send(Request.Builder builder) {
        try (Response response = client.newCall(builder.build()).execute()) {
            return new Reply(response.code(), response.headers().toMultimap(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Request.Builder withHeaders(Request.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    @Override
    public void close() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** An answer: status, headers (lower-case names) and the body as text. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String contentType() {
            return header("content-type");
        }

        /** The Set-Cookie headers by cookie name (the last one of a name wins). */
        Map<String, SetCookie> cookies() {
            Map<String, SetCookie> cookies = new LinkedHashMap<>();
            for (String line : all("set-cookie")) {
                SetCookie cookie = SetCookie.parse(line);
                cookies.put(cookie.name(), cookie);
            }
            return cookies;
        }

        SetCookie cookie(String name) {
            return cookies().get(name);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** One Set-Cookie header: name, value and attributes (lower-case attribute names). */
    record SetCookie(String name, String value, Map<String, String> attributes, String raw) {

        static SetCookie parse(String line) {
            String[] parts = line.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                int at = part.indexOf('=');
                if (at < 0) {
                    attributes.put(part.toLowerCase(Locale.ROOT), "");
                } else {
                    attributes.put(part.substring(0, at).strip().toLowerCase(Locale.ROOT), part.substring(at + 1).strip());
                }
            }
            return new SetCookie(name, value, attributes, line);
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
        }

        String attribute(String attribute) {
            return attributes.get(attribute.toLowerCase(Locale.ROOT));
        }

        long maxAge() {
            return Long.parseLong(attributes.get("max-age"));
        }
    }
}
