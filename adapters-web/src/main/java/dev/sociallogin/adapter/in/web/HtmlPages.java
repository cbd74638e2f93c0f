package dev.sociallogin.adapter.in.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The headers of every HTML document the service serves: its own Content-Security-Policy, no framing,
 * and a referrer for this origin only. Not {@code no-referrer}: under it a browser sends
 * {@code Origin: null} with the page's own form POSTs and same-origin fetch POSTs, which the CSRF
 * check must then refuse as coming from an unknown origin.
 */
final class HtmlPages {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private HtmlPages() {
    }

    static ResponseEntity.BodyBuilder html(String contentSecurityPolicy) {
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(HTML)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }
}
