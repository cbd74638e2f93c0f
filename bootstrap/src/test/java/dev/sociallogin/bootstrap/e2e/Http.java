package dev.sociallogin.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.testfixtures.openapi.OpenApiContract;
import dev.sociallogin.testfixtures.openapi.OpenApiInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A plain HTTP client over real sockets: no redirects followed, no cookie jar (tests carry cookies
 * by hand, so Secure cookies can travel over http://127.0.0.1 and every Set-Cookie is visible).
 * Every exchange is checked against the OpenAPI document ({@link OpenApiInterceptor}), so every test is
 * also a test of the document.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final String baseUrl;

    Http(String baseUrl) {
        this(baseUrl, OpenApiInterceptor.DOCUMENT);
    }

    /** {@code contract} null: no OpenAPI check (for the management listener, which is not the API). */
    Http(String baseUrl, OpenApiContract contract) {
        this.baseUrl = baseUrl;
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (contract != null) {
            builder.addInterceptor(new OpenApiInterceptor(contract));
        }
        this.client = builder
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(15))
                .build();
    }

    Reply get(String path, String... headers) {
        return send(new Request.Builder().url(baseUrl + path).headers(Headers.of(headers)).get().build());
    }

    Reply post(String path, String json, String... headers) {
        RequestBody body = json == null ? RequestBody.create(new byte[0], null) : RequestBody.create(json, APPLICATION_JSON);
        return send(new Request.Builder().url(baseUrl + path).headers(Headers.of(headers)).post(body).build());
    }

    Reply send(String method, String path, RequestBody body, String... headers) {
        return send(new Request.Builder().url(baseUrl + path).headers(Headers.of(headers)).method(method, body).build());
    }

    private Reply send(Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url().encodedPath(), e);
        }
    }

    /** One answer, read whole. */
    record Reply(int status, Headers headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText(null);
        }

        String header(String name) {
            return headers.get(name);
        }

        /** Every Set-Cookie header by cookie name (the whole header line). */
        Map<String, String> setCookies() {
            Map<String, String> cookies = new LinkedHashMap<>();
            for (String header : headers.values("Set-Cookie")) {
                cookies.put(header.substring(0, header.indexOf('=')), header);
            }
            return cookies;
        }

        /** The value a Set-Cookie header gives that cookie, or {@code null}. */
        String cookie(String name) {
            String header = setCookies().get(name);
            if (header == null) {
                return null;
            }
            int end = header.indexOf(';');
            return header.substring(name.length() + 1, end < 0 ? header.length() : end);
        }

        /** A Cookie request header holding the named cookies this answer set. */
        String cookieHeader(String... names) {
            List<String> pairs = new ArrayList<>();
            for (String name : names) {
                pairs.add(name + "=" + cookie(name));
            }
            return String.join("; ", pairs);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
