package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of an OpenID Connect discovery document we use (OpenID Connect Discovery 1.0 §3).
 *
 * @param userinfoEndpoint              {@code null} when the issuer has none
 * @param tokenEndpointAuthMethods      empty when not given (the default is {@code client_secret_basic})
 * @param signingAlgorithms             {@code id_token_signing_alg_values_supported}; empty when not given
 */
public record OidcMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, URI userinfoEndpoint,
                           List<String> tokenEndpointAuthMethods, List<String> signingAlgorithms) {

    public OidcMetadata {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
        signingAlgorithms = List.copyOf(signingAlgorithms);
    }

    /**
     * Reads a discovery document; {@code null} when it is unusable: its {@code issuer} is not exactly
     * the configured one (§4.3: a document naming another issuer must not be used), or an endpoint is
     * missing or not an absolute http(s) URL.
     */
    static OidcMetadata read(JsonNode document, String expectedIssuer) {
        String issuer = JsonFields.text(document, "issuer");
        if (issuer == null || !issuer.equals(expectedIssuer)) {
            return null;
        }
        URI authorization = url(document, "authorization_endpoint");
        URI token = url(document, "token_endpoint");
        URI jwks = url(document, "jwks_uri");
        if (authorization == null || token == null || jwks == null) {
            return null;
        }
        return new OidcMetadata(issuer, authorization, token, jwks, url(document, "userinfo_endpoint"),
                strings(document, "token_endpoint_auth_methods_supported"), strings(document, "id_token_signing_alg_values_supported"));
    }

    private static URI url(JsonNode document, String field) {
        String text = JsonFields.text(document, field);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawFragment() == null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode document, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = document.get(field);
        if (array != null && array.isArray()) {
            array.forEach(node -> {
                if (node.isTextual()) {
                    values.add(node.asText());
                }
            });
        }
        return values;
    }
}
