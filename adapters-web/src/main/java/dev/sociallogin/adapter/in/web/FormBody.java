package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body (UTF-8), read from the bytes {@link BodyBufferFilter}
 * buffered: never through the container's parameter parsing, which would read the socket itself.
 * The first value of each name counts. Another content type is 415; a malformed body 400.
 */
final class FormBody {

    private FormBody() {
    }

    static Map<String, String> read(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new WebException(WebError.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isBlank()) {
            return fields;
        }
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        return fields;
    }
}
