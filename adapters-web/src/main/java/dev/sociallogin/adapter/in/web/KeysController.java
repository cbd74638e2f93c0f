package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.GetPublishedKeysUseCase;
import dev.sociallogin.domain.model.PublishedKey;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What other services need to verify our access tokens without a shared secret: the public keys
 * (JWKS, cacheable) and the discovery metadata that points at them, so that a resource server
 * configured with our issuer finds the keys by itself.
 */
@RestController
final class KeysController {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final GetPublishedKeysUseCase keys;
    private final WebSettings settings;

    KeysController(GetPublishedKeysUseCase keys, WebSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @GetMapping(JWKS_PATH)
    ResponseEntity<Map<String, List<Map<String, String>>>> jwks(HttpServletResponse response) {
        List<Map<String, String>> jwks = keys.publishedKeys().keys().stream().map(PublishedKey::jwk).toList();
        // verifiers cache the set; a new key is published well ahead of its first use (AUTH_JWT_KEY_PUBLISH_AHEAD)
        response.setHeader("Cache-Control", "public, max-age=300");
        return LoginController.json(HttpStatus.OK, Map.of("keys", jwks));
    }

    /**
     * OpenID Connect Discovery metadata, filled with what is true of this service: its issuer, where
     * its keys are, that its subjects are public user ids, and the algorithms of its access tokens
     * (it issues no ID tokens; it has no authorization or token endpoint in the OAuth sense, so
     * those members are left out).
     */
    @GetMapping("/.well-known/openid-configuration")
    ResponseEntity<Map<String, Object>> discovery(HttpServletRequest request, HttpServletResponse response) {
        PublishedKeys published = keys.publishedKeys();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", published.issuer());
        metadata.put("jwks_uri", baseUrl(request) + JWKS_PATH);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported",
                published.accessTokenAlgorithms().stream().map(SigningAlgorithm::jwaName).toList());
        response.setHeader("Cache-Control", "public, max-age=300");
        return LoginController.json(HttpStatus.OK, metadata);
    }

    /** AUTH_PUBLIC_URL, else this request's own scheme, host and port. */
    private String baseUrl(HttpServletRequest request) {
        if (settings.publicUrl() != null) {
            return settings.publicUrl();
        }
        return CrossSite.ownOrigin(request).toLowerCase(Locale.ROOT);
    }
}
