package dev.sociallogin.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sociallogin.testfixtures.openapi.OpenApiContract;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document: well-formed for a client generator (swagger-parser reads it with no error and
 * no warning), served as kept, and a contract that bites: a copy of it missing one route, status,
 * header or field makes the real server's answer fail the check every HTTP test runs.
 */
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StubUseCases stubs = new StubUseCases();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String document() throws IOException {
        try (InputStream in = OpenApiDocumentIT.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void swaggerParser_readsTheDocumentAsOpenApi31_withNoErrorAndNoWarning() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIParser().readContents(document(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/auth/providers", "/auth/{provider}/authorize",
                "/auth/{provider}/callback", "/auth/{provider}/login", "/auth/refresh", "/auth/logout", "/auth/verify",
                "/api/users/me", "/health", "/health/live", "/health/ready", "/openapi.json", "/.well-known/jwks.json",
                "/.well-known/openid-configuration", "/", "/auth/dev/authorize", "/demo/app.js", "/demo/app.css");
        assertThat(result.getOpenAPI().getPaths()).doesNotContainKey("/metrics");
    }

    @Test
    void openApiJson_servesTheDocumentKeptInTheRepository() throws Exception {
        server = WebServer.start(WebSettings.defaults(0), RateLimitSettings.off(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), stubs.useCases().context());
        try (HttpHarness http = new HttpHarness(server)) {
            HttpHarness.Reply reply = http.get("/openapi.json");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(JSON.readTree(reply.body())).isEqualTo(JSON.readTree(document()));
        }
    }

    /** Starts the server with the check set to {@code document} as altered by {@code change}. */
    private HttpHarness checkedBy(Consumer<ObjectNode> change) throws IOException {
        ObjectNode altered = (ObjectNode) JSON.readTree(document());
        change.accept(altered);
        server = WebServer.start(WebSettings.defaults(0), RateLimitSettings.off(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), stubs.useCases().context());
        return new HttpHarness(server, OpenApiContract.of(JSON.writeValueAsString(altered)));
    }

    @Test
    void givenARouteTheDocumentLacks_theCheckFails() throws Exception {
        HttpHarness http = checkedBy(doc -> ((ObjectNode) doc.get("paths")).remove("/auth/providers"));

        assertThatThrownBy(() -> http.get("/auth/providers"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented route /auth/providers answered 200");
    }

    @Test
    void givenAStatusTheDocumentLacks_theCheckFails() throws Exception {
        HttpHarness http = checkedBy(doc -> ((ObjectNode) doc.at("/paths/~1api~1users~1me/get/responses")).remove("401"));
        stubs.currentUser = query -> {
            throw StubUseCases.failure(dev.sociallogin.domain.error.ErrorCode.TOKEN_MISSING);
        };

        assertThatThrownBy(() -> http.get("/api/users/me"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented status 401");
    }

    @Test
    void givenAHeaderTheDocumentLacks_theCheckFails() throws Exception {
        HttpHarness http = checkedBy(doc -> ((ObjectNode) doc.at("/components/responses/Providers/headers")).remove("X-Request-Id"));

        assertThatThrownBy(() -> http.get("/auth/providers"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented header x-request-id");
    }

    @Test
    void givenAFieldTheDocumentLacks_theCheckFails() throws Exception {
        HttpHarness http = checkedBy(doc -> ((ObjectNode) doc.at("/components/schemas/User/properties")).remove("nickname"));

        assertThatThrownBy(() -> http.get("/api/users/me", "Authorization", "Bearer t"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("nickname");
    }

    @Test
    void givenARequestTheDocumentRefusesButTheServerAccepts_theCheckFails() throws Exception {
        // the document says the logout scope is one of three; pretend the server accepted another
        HttpHarness http = checkedBy(doc -> {
            JsonNode scope = doc.at("/paths/~1auth~1logout/post/parameters/1/schema");
            ((ObjectNode) scope).putArray("enum").add("global");
        });

        assertThatThrownBy(() -> http.postEmpty("/auth/logout?scope=local"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a request the document refuses was answered 202");
    }

    @Test
    void givenAnUndocumentedMethod_onlyA405WithAllowPasses() throws Exception {
        HttpHarness http = checkedBy(doc -> { });

        HttpHarness.Reply reply = http.get("/auth/logout");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(List.of(reply.header("Allow").split(",\\s*"))).contains("POST");
    }
}
