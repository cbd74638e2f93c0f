package dev.sociallogin.testfixtures.openapi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor that checks every request a test's client sends, and the answer it gets,
 * against an OpenAPI document (by default the one the service serves, {@code openapi.json} of the
 * web adapter on the test classpath): a route, status, header or field it does not describe fails
 * the test that caused it. Used by the web adapter's and the end-to-end tests' HTTP clients.
 */
public final class OpenApiInterceptor implements Interceptor {

    public static final OpenApiContract DOCUMENT = OpenApiContract.fromClasspath("/openapi.json");

    private final OpenApiContract contract;

    public OpenApiInterceptor(OpenApiContract contract) {
        this.contract = contract;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        contract.check(exchange(request, response));
        return response;
    }

    private static HttpExchange exchange(Request request, Response response) throws IOException {
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>(request.headers().toMultimap());
        String body = "";
        if (request.body() != null) {
            if (request.body().contentType() != null) {
                requestHeaders.put("content-type", List.of(request.body().contentType().toString()));
            }
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            body = buffer.readUtf8();
        }
        String target = request.url().encodedPath() + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
        return new HttpExchange(request.method(), target, requestHeaders, body, response.code(), response.headers().toMultimap(),
                response.peekBody(1 << 20).string());
    }
}
