package dev.sociallogin.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo page ({@code AUTH_DEMO_PAGE}, on by default): one static HTML document, one script and
 * one style sheet shipped in the jar, a reference client for browser developers. The page is served
 * under a strict Content-Security-Policy (scripts and styles from this origin only, no inline
 * script, no framing). Off: 404 {@code not_found}, as for any unknown path.
 */
@RestController
final class DemoPageController {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final boolean enabled;
    private final String page;
    private final String script;
    private final String style;

    DemoPageController(WebSettings settings) {
        this.enabled = settings.demoPage();
        this.page = resource("index.html");
        this.script = resource("app.js");
        this.style = resource("app.css");
    }

    @GetMapping("/")
    ResponseEntity<String> page() {
        requireEnabled();
        return HtmlPages.html(POLICY).body(page);
    }

    @GetMapping("/demo/app.js")
    ResponseEntity<String> script() {
        requireEnabled();
        return ResponseEntity.status(HttpStatus.OK).contentType(JAVASCRIPT).body(script);
    }

    @GetMapping("/demo/app.css")
    ResponseEntity<String> style() {
        requireEnabled();
        return ResponseEntity.status(HttpStatus.OK).contentType(CSS).body(style);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new WebException(WebError.NOT_FOUND);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoPageController.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo page resource missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
