package dev.sociallogin.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of every route of this port, as kept in the
 * repository ({@code adapters-web/src/main/resources/openapi.json}); the end-to-end tests validate every
 * request and answer against that same file, so it cannot drift from what is served.
 */
@RestController
final class OpenApiController {

    static final String DOCUMENT = "/openapi.json";

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.json", e);
        }
    }

    @GetMapping(DOCUMENT)
    ResponseEntity<byte[]> document() {
        return ResponseEntity.status(HttpStatus.OK).contentType(MediaType.APPLICATION_JSON).body(document.clone());
    }
}
