package dev.sociallogin.provider.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.provider.oauth.OAuthClient.ClientAuthentication;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic OAuth 2.0 client against a MockWebServer token endpoint. */
class OAuthClientTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private OAuthClient client(String secret, ClientAuthentication authentication, boolean pkce, List<String> scopes) {
        return new OAuthClient(new OAuthClient.Registration("Test", "client:1", secret, authentication, URI.create("https://app.example/cb"),
                URI.create(server.url("/authorize").toString()), URI.create(server.url("/token").toString()), scopes, pkce),
                new ProviderHttp("Test", ProviderHttp.newClient(Duration.ofMillis(800), Duration.ofMillis(800))),
                ProviderErrors.oauth("Test", "check TEST_CLIENT_SECRET"));
    }

    private static LoginFlow flow() {
        return LoginFlow.begin(new ProviderName("test"), Instant.now().plusSeconds(600));
    }

    private static Map<String, String> fields(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static ErrorCode failure(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return ((DomainException) thrown).code();
    }

    @Test
    void s256_isRfc7636sAppendixBExample() {
        assertThat(OAuthClient.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void authorizationUrl_putsScopesStatePkceAndExtrasInOrder() {
        LoginFlow flow = flow();

        URI url = client("s", ClientAuthentication.CLIENT_SECRET_BASIC, true, List.of("openid", "email"))
                .authorizationUrl(flow, Map.of("nonce", flow.nonce()));

        assertThat(fields(url.getRawQuery())).containsExactly(Map.entry("response_type", "code"), Map.entry("client_id", "client:1"),
                Map.entry("redirect_uri", "https://app.example/cb"), Map.entry("scope", "openid email"), Map.entry("state", flow.state()),
                Map.entry("code_challenge", OAuthClient.s256(flow.codeVerifier())), Map.entry("code_challenge_method", "S256"),
                Map.entry("nonce", flow.nonce()));
    }

    @Test
    void givenBasicAuthentication_exchange_formEncodesIdAndSecretIntoTheHeaderAndSendsTheVerifier() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"access_token\":\"at\",\"token_type\":\"Bearer\"}"));
        LoginFlow flow = flow();

        OAuthClient client = client("p@ss:w%rd", ClientAuthentication.CLIENT_SECRET_BASIC, true, List.of());
        assertThat(client.accessToken(client.exchange("the-code", null, flow, Map.of()))).isEqualTo("at");

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        // RFC 6749 §2.3.1: application/x-www-form-urlencoded before Base64
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("client%3A1:p%40ss%3Aw%25rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(fields(request.getBody().readUtf8())).containsExactly(Map.entry("grant_type", "authorization_code"),
                Map.entry("client_id", "client:1"), Map.entry("redirect_uri", "https://app.example/cb"), Map.entry("code", "the-code"),
                Map.entry("code_verifier", flow.codeVerifier()));
    }

    @Test
    void givenPublicClient_exchange_sendsNeitherSecretNorHeader() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"access_token\":\"at\"}"));

        client(null, ClientAuthentication.CLIENT_SECRET_BASIC, false, List.of()).exchange("c", null, null, Map.of());

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(fields(request.getBody().readUtf8())).doesNotContainKeys("client_secret", "code_verifier");
    }

    @Test
    void givenErrorsAnsweredWith200Or400_exchange_classifiesThemAlike() {
        OAuthClient client = client("s", ClientAuthentication.CLIENT_SECRET_POST, false, List.of());
        server.enqueue(new MockResponse().setBody("{\"error\":\"invalid_grant\"}"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"invalid_grant\"}"));
        server.enqueue(new MockResponse().setBody("{\"error\":\"invalid_client\"}"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"unauthorized_client\"}"));
        server.enqueue(new MockResponse().setBody("{\"error\":\"temporarily_unavailable\"}"));
        server.enqueue(new MockResponse().setResponseCode(503));

        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure(() -> client.exchange("c", null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void givenBlankLongCodeOrRelativeRedirect_exchange_decidesWithoutCallingTheProvider() {
        OAuthClient client = client("s", ClientAuthentication.CLIENT_SECRET_POST, false, List.of());

        assertThat(failure(() -> client.exchange(" ", null, null, Map.of()))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(failure(() -> client.exchange("c".repeat(4097), null, null, Map.of()))).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(failure(() -> client.exchange("c", "/cb", null, Map.of()))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenDuplicateKeysInAnAnswer_itIsNotJson() {
        server.enqueue(new MockResponse().setBody("{\"access_token\":\"a\",\"access_token\":\"b\"}"));

        assertThat(failure(() -> client("s", ClientAuthentication.CLIENT_SECRET_POST, false, List.of()).exchange("c", null, null, Map.of())))
                .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void givenApiAnsweringAnArray_getArrayWithBearer_readsItAndOnlyIt() {
        ProviderHttp http = new ProviderHttp("Test", ProviderHttp.newClient(Duration.ofMillis(800), Duration.ofMillis(800)));
        server.enqueue(new MockResponse().setBody("[{\"email\":\"a@b.c\",\"verified\":true}]"));
        server.enqueue(new MockResponse().setBody("{\"email\":\"a@b.c\"}"));
        server.enqueue(new MockResponse().setBody("{\"email\":\"a@b.c\"}"));
        okhttp3.HttpUrl url = server.url("/user/emails");

        assertThat(http.getArrayWithBearer(url, "t", "emails", ProviderErrors.failing("Test", "emails")).get(0).path("verified").asBoolean())
                .isTrue();
        assertThat(failure(() -> http.getArrayWithBearer(url, "t", "emails", ProviderErrors.failing("Test", "emails"))))
                .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(http.getWithBearer(url, "t", "emails", ProviderErrors.failing("Test", "emails")).path("email").asText()).isEqualTo("a@b.c");
    }

    @Test
    void registration_toString_hidesTheSecret() {
        assertThat(client("top-secret", ClientAuthentication.CLIENT_SECRET_POST, false, List.of()).registration().toString())
                .doesNotContain("top-secret").contains("clientSecret=<set>");
    }
}
