package dev.sociallogin.testfixtures.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request and its answer as seen on the wire, whatever client sent it: what {@link OpenApiContract}
 * checks. Header names are compared case-insensitively.
 *
 * @param pathAndQuery the request target as sent (percent-encoded), e.g. {@code /auth/logout?scope=local}
 * @param requestBody  the body sent, or {@code null}/empty for none
 * @param responseBody the body answered (empty for none)
 */
public record HttpExchange(String method, String pathAndQuery, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {

    public HttpExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        requestHeaders = lowerCase(requestHeaders);
        responseHeaders = lowerCase(responseHeaders);
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                    .addAll(values));
        }
        lower.replaceAll((name, values) -> List.copyOf(values));
        return java.util.Collections.unmodifiableMap(lower);
    }

    String requestHeader(String name) {
        List<String> values = requestHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String responseHeader(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A short description for failure messages: never the bodies (they hold tokens). */
    String describe() {
        int query = pathAndQuery.indexOf('?');
        return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query)) + " -> " + status;
    }
}
