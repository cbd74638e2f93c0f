package dev.sociallogin.adapter.in.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The headers of every HTML document the service serves: its own Content-Security-Policy, no framing, no referrer. */
final class HtmlPages {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private HtmlPages() {
    }

    static ResponseEntity.BodyBuilder html(String contentSecurityPolicy) {
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(HTML)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
