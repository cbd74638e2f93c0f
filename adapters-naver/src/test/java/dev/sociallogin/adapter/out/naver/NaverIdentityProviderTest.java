package dev.sociallogin.adapter.out.naver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.provider.oauth.ProviderHttp;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.testfixtures.providers.ProviderLogs;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Naver played by two MockWebServers (nid and openapi) replaying the answers Naver's login and
 * profile API documentation shows, including token errors answered with HTTP 200. After every
 * test, no log line and no exception message may carry the code, a token or the client secret.
 */
class NaverIdentityProviderTest {

    static final String CLIENT_ID = "jyvqXeaVOVmV";
    static final String CLIENT_SECRET = "527300A0_COq1_XV33cf";
    static final String CODE = "EIc5bFrl4RibFls1";
    static final String ACCESS_TOKEN = "AAAAQosjWDJieBiQZc3to9YQp6HDLvrmyKC+6+iZ3gq7qrkqf50ljZC+Lgoqrg";
    static final String TOKEN_OK = "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"c8ceMEJisO4Se7uGisHoX0f5JEii7Jni\","
            + "\"token_type\":\"bearer\",\"expires_in\":\"3600\"}";
    static final String PROFILE_OK = "{\"resultcode\":\"00\",\"message\":\"success\",\"response\":{\"email\":\"openapi@naver.com\","
            + "\"nickname\":\"OpenAPI\",\"profile_image\":\"https:\\/\\/ssl.pstatic.net\\/static\\/pwe\\/address\\/img_profile.png\","
            + "\"age\":\"40-49\",\"gender\":\"F\",\"id\":\"32742776\",\"name\":\"오픈 API\",\"birthday\":\"10-01\"}}";
    private static final List<String> NEVER_LOGGED = List.of(CODE, ACCESS_TOKEN, CLIENT_SECRET);

    private MockWebServer nid;
    private MockWebServer openapi;
    private ProviderLogs logs;

    @BeforeEach
    void start() throws IOException {
        nid = new MockWebServer();
        openapi = new MockWebServer();
        nid.start();
        openapi.start();
        logs = ProviderLogs.capture("dev.sociallogin.adapter.out.naver");
    }

    @AfterEach
    void stop() throws IOException {
        logs.close();
        nid.shutdown();
        openapi.shutdown();
        assertThat(logs.leakOf(NEVER_LOGGED)).as("a log line carrying a code, token or secret").isNull();
    }

    private NaverSettings settings() {
        return new NaverSettings(CLIENT_ID, CLIENT_SECRET, URI.create("http://localhost:8080/auth/naver/callback"), nid.url("/").uri(),
                openapi.url("/").uri(), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    private NaverIdentityProvider provider() {
        return new NaverIdentityProvider(settings());
    }

    private static LoginFlow flow() {
        return LoginFlow.begin(NaverSettings.NAVER, Instant.now().plusSeconds(600));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json;charset=utf-8").setBody(body);
    }

    private static void assertNoSecretIn(String text) {
        if (text != null) {
            NEVER_LOGGED.forEach(secret -> assertThat(text).doesNotContain(secret));
        }
    }

    private DomainException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertNoSecretIn(t.getMessage());
        }
        return (DomainException) thrown;
    }

    private static Map<String, String> fields(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    private List<ILoggingEvent> logsAt(Level level) {
        return logs.at(level);
    }

    @Test
    void authorizationUrl_isNidsWithClientRedirectAndStateOnly() {
        LoginFlow flow = flow();

        URI url = provider().authorizationUrl(flow);

        assertThat(url.getPath()).isEqualTo("/oauth2.0/authorize");
        assertThat(fields(url.getRawQuery())).containsExactly(Map.entry("response_type", "code"), Map.entry("client_id", CLIENT_ID),
                Map.entry("redirect_uri", "http://localhost:8080/auth/naver/callback"), Map.entry("state", flow.state()));
        assertThat(provider().name().value()).isEqualTo("naver");
    }

    @Test
    void givenBrowserFlow_profileFromCode_postsTheFormWithItsStateThenReadsTheProfile() throws Exception {
        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, PROFILE_OK));
        LoginFlow flow = flow();

        ProviderProfile profile = provider().profileFromCode(CODE, null, flow);

        RecordedRequest token = take(nid);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getPath()).isEqualTo("/oauth2.0/token");
        assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded;charset=utf-8");
        assertThat(fields(token.getBody().readUtf8())).containsExactly(Map.entry("grant_type", "authorization_code"),
                Map.entry("client_id", CLIENT_ID), Map.entry("redirect_uri", "http://localhost:8080/auth/naver/callback"),
                Map.entry("code", CODE), Map.entry("client_secret", CLIENT_SECRET), Map.entry("state", flow.state()));
        RecordedRequest me = take(openapi);
        assertThat(me.getPath()).isEqualTo("/v1/nid/me");
        assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(profile.identity().subject()).isEqualTo("32742776");
        assertThat(profile.identity().username().value()).isEqualTo("naver_32742776");
        assertThat(profile.nickname().value()).isEqualTo("OpenAPI");
        // Naver does not say the address is verified: it is never stored
        assertThat(profile.email()).isEqualTo(new Email("openapi@naver.com"));
        assertThat(profile.verifiedEmail()).isEmpty();
    }

    @Test
    void givenAppCodeWithoutFlow_profileFromCode_sendsNoState() throws Exception {
        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, "{\"resultcode\":\"00\",\"message\":\"success\",\"response\":{\"id\":\"qgGTJ0abc-_x\",\"name\":\"이름\"}}"));

        ProviderProfile profile = provider().profileFromCode(CODE, "https://app.example/naver", null);

        assertThat(fields(take(nid).getBody().readUtf8())).doesNotContainKey("state").containsEntry("redirect_uri", "https://app.example/naver");
        assertThat(profile.nickname().value()).isEqualTo("이름");
        assertThat(profile.email()).isNull();
    }

    @Test
    void givenTokenErrorAnsweredWithHttp200_isRejectedWithoutAProfileCall() {
        // Naver's documented quirk: a used or unknown code is a 200 whose body says error
        nid.enqueue(json(200, "{\"error\":\"invalid_request\",\"error_description\":\"no valid data in session " + CODE + "\"}"));

        assertThat(failure(() -> provider().profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(openapi.getRequestCount()).isZero();
        assertThat(logsAt(Level.WARN)).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("NAVER_CLIENT_SECRET"));
    }

    @Test
    void givenUnauthorizedClientCodeWith200_isRejected() {
        nid.enqueue(json(200, "{\"error\":\"unauthorized_client\",\"error_description\":\"x\"}"));

        assertThat(failure(() -> provider().profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    }

    @Test
    void givenInvalidClient_isUnavailableAndAConfigurationError() {
        nid.enqueue(json(200, "{\"error\":\"invalid_client\",\"error_description\":\"wrong client id / client secret pair " + CLIENT_SECRET + "\"}"));

        assertThat(failure(() -> provider().profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(logsAt(Level.ERROR)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("configuration", "invalid_client", "NAVER_CLIENT_SECRET"));
    }

    @Test
    void givenServerErrorWith200OrHtml500_isUnavailable() {
        nid.enqueue(json(200, "{\"error\":\"server_error\",\"error_description\":\"x\"}"));
        nid.enqueue(new MockResponse().setResponseCode(500).setBody("<html>error</html>"));
        NaverIdentityProvider provider = provider();

        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void givenProfileErrors_areClassifiedByResultcode() {
        NaverIdentityProvider provider = provider();
        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(401, "{\"resultcode\":\"024\",\"message\":\"Authentication failed (인증 실패하였습니다.)\"}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);

        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(403, "{\"resultcode\":\"403\",\"message\":\"Forbidden (호출 권한이 없습니다.)\"}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(logsAt(Level.ERROR)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("configuration"));

        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(500, "{\"resultcode\":\"500\",\"message\":\"Internal Server Error (데이터베이스 오류입니다.)\"}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);

        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, "{\"resultcode\":\"024\",\"message\":\"Authentication failed\"}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    }

    @Test
    void givenProfileWithoutIdOrGarbage_isUnavailable() {
        NaverIdentityProvider provider = provider();
        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, "{\"resultcode\":\"00\",\"message\":\"success\",\"response\":{\"nickname\":\"x\"}}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);

        nid.enqueue(json(200, "{\"token_type\":\"bearer\"}"));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);

        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, "not json " + ACCESS_TOKEN));
        assertThat(failure(() -> provider.profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void givenTokenSlowerThanReadTimeout_isUnavailable() {
        nid.enqueue(json(200, TOKEN_OK).setHeadersDelay(3, TimeUnit.SECONDS));

        assertThat(failure(() -> provider().profileFromCode(CODE, null, flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void profileFromAccessToken_isInvalidRequestWithoutCallingNaver() {
        assertThat(failure(() -> provider().profileFromAccessToken(ACCESS_TOKEN)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(nid.getRequestCount() + openapi.getRequestCount()).isZero();
    }

    @Test
    void afterErrorsAndSuccesses_everyResponseIsClosed() {
        OkHttpClient client = ProviderHttp.newClient(Duration.ofMillis(500), Duration.ofMillis(500));
        NaverIdentityProvider provider = new NaverIdentityProvider(settings(), client);
        nid.enqueue(json(200, "{\"error\":\"invalid_request\"}"));
        nid.enqueue(new MockResponse().setResponseCode(500).setBody("<html/>"));
        nid.enqueue(json(200, TOKEN_OK));
        openapi.enqueue(json(200, PROFILE_OK));

        for (int i = 0; i < 2; i++) {
            catchThrowable(() -> provider.profileFromCode(CODE, null, flow()));
        }
        provider.profileFromCode(CODE, null, flow());

        assertThat(client.connectionPool().connectionCount()).isPositive();
        assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(client.connectionPool().connectionCount());
    }

    @Test
    void settings_fromTheContractsVariables() {
        assertThat(NaverSettings.from(Map.<String, String>of()::get)).isEmpty();
        assertThat(new NaverIdentityProviderFactory().create(Map.<String, String>of()::get, Clock.systemUTC())).isEmpty();
        NaverSettings defaults = NaverSettings.from(Map.of("NAVER_CLIENT_ID", "id", "NAVER_CLIENT_SECRET", CLIENT_SECRET)::get).orElseThrow();
        assertThat(defaults.redirectUri()).isEqualTo(URI.create("http://localhost:8080/auth/naver/callback"));
        assertThat(defaults.authBaseUrl()).isEqualTo(URI.create("https://nid.naver.com"));
        assertThat(defaults.apiBaseUrl()).isEqualTo(URI.create("https://openapi.naver.com"));
        assertThat(defaults.toString()).doesNotContain(CLIENT_SECRET);
        assertThat(new NaverIdentityProviderFactory().create(Map.of("NAVER_CLIENT_ID", "id", "NAVER_CLIENT_SECRET", "s")::get,
                Clock.systemUTC())).singleElement().isInstanceOf(NaverIdentityProvider.class);

        assertThatThrownBy(() -> NaverSettings.from(Map.of("NAVER_CLIENT_ID", "id")::get))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("NAVER_CLIENT_SECRET"));
        assertThatThrownBy(() -> NaverSettings.from(Map.of("NAVER_CLIENT_ID", "id", "NAVER_CLIENT_SECRET", "s",
                "NAVER_API_BASE_URL", "ftp://x")::get))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("NAVER_API_BASE_URL"));
        assertThatThrownBy(() -> NaverSettings.from(Map.of("NAVER_CLIENT_ID", "two words", "NAVER_CLIENT_SECRET", "s")::get))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("NAVER_CLIENT_ID"));
    }
}
