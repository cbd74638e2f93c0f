package dev.sociallogin.adapter.out.kakao;

import static dev.sociallogin.adapter.out.kakao.KakaoBodies.ACCESS_TOKEN;
import static dev.sociallogin.adapter.out.kakao.KakaoBodies.APP_ID;
import static dev.sociallogin.adapter.out.kakao.KakaoBodies.CLIENT_ID;
import static dev.sociallogin.adapter.out.kakao.KakaoBodies.CLIENT_SECRET;
import static dev.sociallogin.adapter.out.kakao.KakaoBodies.CODE;
import static dev.sociallogin.adapter.out.kakao.KakaoBodies.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.provider.oauth.ProviderHttp;
import dev.sociallogin.testfixtures.providers.ProviderLogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kakao played by two MockWebServers (kauth and kapi) replaying Kakao's documented answers over
 * real sockets. After every test, no log line may carry the code, a token or the client secret.
 */
class KakaoIdentityProviderTest {

    private static final List<String> NEVER_LOGGED = List.of(CODE, ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET);
    private static final String REDIRECT_URI = "http://localhost:8080/auth/kakao/callback";

    private MockWebServer kauth;
    private MockWebServer kapi;
    /** Kakao's own package and the shared OAuth base it calls: both must keep secrets out of their logs. */
    private ProviderLogs logs;

    @BeforeEach
    void start() throws IOException {
        kauth = new MockWebServer();
        kapi = new MockWebServer();
        kauth.start();
        kapi.start();
        logs = ProviderLogs.capture("dev.sociallogin.adapter.out.kakao");
    }

    @AfterEach
    void stop() throws IOException {
        logs.close();
        kauth.shutdown();
        kapi.shutdown();
        assertThat(logs.leakOf(NEVER_LOGGED)).as("a log line carrying a code, token or secret").isNull();
    }

    private KakaoSettings settings(String secret, Long appId) {
        return new KakaoSettings(CLIENT_ID, secret, appId, URI.create(REDIRECT_URI),
                kauth.url("/").uri(), kapi.url("/").uri(), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    private KakaoIdentityProvider provider() {
        return new KakaoIdentityProvider(settings(CLIENT_SECRET, APP_ID));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body);
    }

    private void tokenThenUserMe(String userMe) {
        kauth.enqueue(json(200, KakaoBodies.TOKEN_OK));
        kapi.enqueue(json(200, userMe));
    }

    private ProviderProfile fromCode(String userMe) {
        tokenThenUserMe(userMe);
        return provider().profileFromCode(CODE, null, null);
    }

    private static LoginFlow flow() {
        return LoginFlow.begin(ProviderName.KAKAO, java.time.Instant.now().plusSeconds(600));
    }

    private DomainException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertNoSecretIn(t.getMessage());
            assertNoSecretIn(t.toString());
        }
        return (DomainException) thrown;
    }

    private static void assertNoSecretIn(String text) {
        if (text != null) {
            for (String secret : NEVER_LOGGED) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private List<ILoggingEvent> logsAt(Level level) {
        return logs.at(level);
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().readUtf8().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request recorded").isNotNull();
        return request;
    }

    @Nested
    class Authorize {

        @Test
        void authorizationUrl_pointsAtKauthWithClientIdRedirectUriResponseTypeAndState() {
            LoginFlow flow = flow();
            URI url = provider().authorizationUrl(flow);

            assertThat(url.getScheme()).isEqualTo("http");
            assertThat(url.getPort()).isEqualTo(kauth.getPort());
            assertThat(url.getPath()).isEqualTo("/oauth/authorize");
            // no PKCE challenge and no nonce: Kakao's REST login documents neither
            assertThat(query(url)).containsExactly(
                    Map.entry("response_type", "code"),
                    Map.entry("client_id", CLIENT_ID),
                    Map.entry("redirect_uri", REDIRECT_URI),
                    Map.entry("state", flow.state()));
            assertThat(url.getRawQuery()).contains("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fauth%2Fkakao%2Fcallback");
            assertThat(kauth.getRequestCount()).isZero();
        }

        @Test
        void givenRedirectWithReservedCharacters_authorizationUrl_encodesItAsOneParameter() {
            KakaoSettings base = settings(null, null);
            KakaoSettings settings = new KakaoSettings(CLIENT_ID, null, null,
                    URI.create("https://app.example/cb?next=/home&x=1"), base.authBaseUrl(), base.apiBaseUrl());
            LoginFlow flow = flow();

            URI url = new KakaoIdentityProvider(settings).authorizationUrl(flow);

            Map<String, String> query = query(url);
            assertThat(query).hasSize(4);
            assertThat(query.get("state")).isEqualTo(flow.state());
            assertThat(query.get("redirect_uri")).isEqualTo("https://app.example/cb?next=/home&x=1");
            assertThat(url.getRawFragment()).isNull();
        }

        @Test
        void givenBaseUrlWithPathPrefix_authorizationUrl_keepsThePrefix() {
            KakaoSettings base = settings(null, null);
            KakaoSettings settings = new KakaoSettings(CLIENT_ID, null, null, base.redirectUri(),
                    kauth.url("/kakao/").uri(), base.apiBaseUrl());

            assertThat(new KakaoIdentityProvider(settings).authorizationUrl(flow()).getPath()).isEqualTo("/kakao/oauth/authorize");
        }

        @Test
        void givenBlankState_aFlowCannotEvenBeMade() {
            // the state used to be a String the provider checked; now a flow with a blank or short state cannot exist
            assertThat(catchThrowable(() -> new LoginFlow(ProviderName.KAKAO, " ", "v".repeat(43), "n".repeat(43),
                    java.time.Instant.now()))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void name_isKakao() {
            assertThat(provider().name()).isEqualTo(ProviderName.KAKAO);
        }
    }

    @Nested
    class CodeExchange {

        @Test
        void givenDocumentedAnswers_profileFromCode_postsTheFormThenReadsTheProfileWithBearer() throws Exception {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_FULL);

            RecordedRequest token = take(kauth);
            assertThat(token.getMethod()).isEqualTo("POST");
            assertThat(token.getPath()).isEqualTo("/oauth/token");
            assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded;charset=utf-8");
            assertThat(token.getHeader("Authorization")).isNull();
            assertThat(form(token)).containsExactly(
                    Map.entry("grant_type", "authorization_code"),
                    Map.entry("client_id", CLIENT_ID),
                    Map.entry("redirect_uri", REDIRECT_URI),
                    Map.entry("code", CODE),
                    Map.entry("client_secret", CLIENT_SECRET));

            RecordedRequest me = take(kapi);
            assertThat(me.getMethod()).isEqualTo("GET");
            assertThat(me.getPath()).isEqualTo("/v2/user/me");
            assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
            assertThat(me.getBodySize()).isZero();

            assertThat(profile.identity().provider()).isEqualTo(ProviderName.KAKAO);
            assertThat(profile.identity().subject()).isEqualTo("4362956124");
            assertThat(profile.email()).isEqualTo(new Email("sehoon.kim@kakao.example"));
            assertThat(profile.emailVerified()).isTrue();
            assertThat(profile.verifiedEmail()).contains(new Email("sehoon.kim@kakao.example"));
            assertThat(profile.nickname().value()).isEqualTo("김세훈🐯");
            assertThat(kauth.getRequestCount()).isEqualTo(1);
            assertThat(kapi.getRequestCount()).isEqualTo(1);
        }

        @Test
        void givenNoClientSecret_profileFromCode_sendsNoClientSecretField() throws Exception {
            tokenThenUserMe(KakaoBodies.USER_ME_FULL);

            new KakaoIdentityProvider(settings(null, null)).profileFromCode(CODE, null, null);

            assertThat(form(take(kauth))).doesNotContainKey("client_secret").containsEntry("code", CODE);
        }

        @Test
        void givenBrowserFlow_profileFromCode_sendsTheSameFormWithoutAVerifier() throws Exception {
            tokenThenUserMe(KakaoBodies.USER_ME_FULL);

            provider().profileFromCode(CODE, null, flow());

            assertThat(form(take(kauth))).containsExactly(
                    Map.entry("grant_type", "authorization_code"),
                    Map.entry("client_id", CLIENT_ID),
                    Map.entry("redirect_uri", REDIRECT_URI),
                    Map.entry("code", CODE),
                    Map.entry("client_secret", CLIENT_SECRET));
        }

        @Test
        void givenRedirectUri_profileFromCode_sendsThatOneInsteadOfTheConfigured() throws Exception {
            tokenThenUserMe(KakaoBodies.USER_ME_FULL);

            provider().profileFromCode(CODE, "https://spa.example/login/kakao?from=app", null);

            assertThat(form(take(kauth))).containsEntry("redirect_uri", "https://spa.example/login/kakao?from=app");
        }

        @Test
        void givenReorderedTokenAnswerWithIdToken_profileFromCode_stillFindsTheAccessToken() throws Exception {
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK_REORDERED));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_FULL));

            provider().profileFromCode(CODE, null, null);

            assertThat(take(kapi).getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        }

        @Test
        void givenBlankCode_profileFromCode_isInvalidRequestWithoutCallingKakao() {
            assertThat(failure(() -> provider().profileFromCode("  ", null, null)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(kauth.getRequestCount()).isZero();
        }

        @Test
        void givenRelativeRedirectUri_profileFromCode_isInvalidRequestWithoutCallingKakao() {
            assertThat(failure(() -> provider().profileFromCode(CODE, "/cb", null)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(kauth.getRequestCount()).isZero();
        }
    }

    @Nested
    class Profile {

        @Test
        void givenNoEmailConsent_profile_hasNoEmail() {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_NO_EMAIL_CONSENT);

            assertThat(profile.email()).isNull();
            assertThat(profile.emailVerified()).isFalse();
            assertThat(profile.nickname().value()).isEqualTo("김세훈");
        }

        @Test
        void givenUnverifiedEmail_profile_keepsItUnvouched() {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_UNVERIFIED_EMAIL);

            assertThat(profile.email()).isEqualTo(new Email("sehoon.kim@kakao.example"));
            assertThat(profile.emailVerified()).isFalse();
            assertThat(profile.verifiedEmail()).isEmpty();
        }

        @Test
        void givenEmailNoLongerValid_profile_keepsItUnvouched() {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_INVALID_EMAIL);

            assertThat(profile.emailVerified()).isFalse();
            assertThat(profile.verifiedEmail()).isEmpty();
        }

        @Test
        void givenNoConsentItems_profile_hasOnlyTheIdAndTheNeutralNickname() {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_NO_CONSENT);

            assertThat(profile.identity().subject()).isEqualTo("4362956124");
            assertThat(profile.email()).isNull();
            assertThat(profile.emailVerified()).isFalse();
            assertThat(profile.nickname().value()).isEqualTo(Nickname.DEFAULT);
        }

        @Test
        void givenIdAbove2To53_profile_keepsEveryDigit() {
            // 1376016924429759243 as a double is 1376016924429759232: a double would lose the last digits.
            assertThat(fromCode(KakaoBodies.USER_ME_ID_ABOVE_2_53).identity().subject()).isEqualTo("1376016924429759243");
        }

        @Test
        void givenLargestLongId_profile_keepsIt() {
            assertThat(fromCode(KakaoBodies.userMeWithId("9223372036854775807")).identity().subject())
                    .isEqualTo("9223372036854775807");
        }

        @ParameterizedTest
        @ValueSource(strings = {"9223372036854775808", "4362956124.0", "4.362956124E9", "\"4362956124\"", "null", "-5", "0",
                "{\"v\":1}"})
        void givenIdNotAPositiveLong_profile_isProviderUnavailable(String rawId) {
            tokenThenUserMe(KakaoBodies.userMeWithId(rawId));

            assertThat(failure(() -> provider().profileFromCode(CODE, null, null)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenNoId_profile_isProviderUnavailable() {
            tokenThenUserMe(KakaoBodies.USER_ME_WITHOUT_ID);

            assertThat(failure(() -> provider().profileFromCode(CODE, null, null)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenLongKoreanAndEmojiNickname_profile_cutsTo32CodePointsWithoutSplittingAnEmoji() {
            String hangul31 = "가".repeat(31);
            String raw = hangul31 + "🐯🐯🐯 김세훈";

            Nickname nickname = fromCode(KakaoBodies.userMeWithNickname(raw)).nickname();

            assertThat(nickname.value()).isEqualTo(hangul31 + "🐯");
            assertThat(nickname.value().codePointCount(0, nickname.value().length())).isEqualTo(32);
            assertThat(nickname.value().length()).isEqualTo(33);
            assertThat(Character.isHighSurrogate(nickname.value().charAt(nickname.value().length() - 1))).isFalse();
        }

        @Test
        void givenKakaosPlaceholderNickname_profile_usesTheNeutralDefault() {
            assertThat(fromCode(KakaoBodies.USER_ME_PLACEHOLDER_NICKNAME).nickname().value()).isEqualTo(Nickname.DEFAULT);
        }

        @Test
        void givenNoProfileNickname_profile_fallsBackOnPropertiesNickname() {
            assertThat(fromCode(KakaoBodies.USER_ME_PROPERTIES_ONLY).nickname().value()).isEqualTo("프로퍼티닉");
        }

        @Test
        void givenEscapedSlashesAndUnknownFields_profile_readsThemLeniently() {
            ProviderProfile profile = fromCode(KakaoBodies.USER_ME_ESCAPES_AND_EXTRAS);

            assertThat(profile.nickname().value()).isEqualTo("AC/DC 팬");
            assertThat(profile.email()).isEqualTo(new Email("fan/1@kakao.example"));
            assertThat(profile.emailVerified()).isTrue();
        }

        @Test
        void givenMalformedEmail_profile_dropsIt() {
            ProviderProfile profile = fromCode("""
                    {"id":4362956124,"kakao_account":{"email":"not-an-address","is_email_valid":true,"is_email_verified":true}}""");

            assertThat(profile.email()).isNull();
            assertThat(profile.emailVerified()).isFalse();
        }
    }

    @Nested
    class TokenLogin {

        @Test
        void givenTokenOfOurApp_profileFromAccessToken_checksTokenInfoThenReadsTheProfile() throws Exception {
            kapi.enqueue(json(200, KakaoBodies.tokenInfo(APP_ID)));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_ID_ABOVE_2_53));

            ProviderProfile profile = provider().profileFromAccessToken(ACCESS_TOKEN);

            RecordedRequest info = take(kapi);
            assertThat(info.getMethod()).isEqualTo("GET");
            assertThat(info.getPath()).isEqualTo("/v1/user/access_token_info");
            assertThat(info.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
            RecordedRequest me = take(kapi);
            assertThat(me.getMethod()).isEqualTo("GET");
            assertThat(me.getPath()).isEqualTo("/v2/user/me");
            assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
            assertThat(profile.identity().subject()).isEqualTo("1376016924429759243");
            assertThat(kauth.getRequestCount()).isZero();
        }

        @Test
        void givenTokenOfAnotherApp_profileFromAccessToken_isRejectedWithoutReadingTheProfile() {
            kapi.enqueue(json(200, KakaoBodies.tokenInfo(APP_ID + 1)));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_FULL));

            DomainException e = failure(() -> provider().profileFromAccessToken(ACCESS_TOKEN));

            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(kapi.getRequestCount()).isEqualTo(1);
        }

        @Test
        void givenTokenInfoWithAppIdAbove2To53_profileFromAccessToken_comparesExactly() {
            // 2^53 + 1 and 2^53 are the same double: only an exact long comparison tells them apart.
            KakaoSettings base = settings(null, null);
            KakaoSettings settings = new KakaoSettings(CLIENT_ID, null, 9_007_199_254_740_993L, base.redirectUri(),
                    base.authBaseUrl(), base.apiBaseUrl());
            kapi.enqueue(json(200, KakaoBodies.tokenInfo(9_007_199_254_740_992L)));

            DomainException e = failure(() -> new KakaoIdentityProvider(settings).profileFromAccessToken(ACCESS_TOKEN));

            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenAppIdUnset_profileFromAccessToken_isInvalidRequestWithoutCallingKakao() {
            DomainException e = failure(() -> new KakaoIdentityProvider(settings(CLIENT_SECRET, null))
                    .profileFromAccessToken(ACCESS_TOKEN));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("KAKAO_APP_ID");
            assertThat(kapi.getRequestCount()).isZero();
            assertThat(kauth.getRequestCount()).isZero();
        }

        @Test
        void givenUnknownOrExpiredToken_profileFromAccessToken_isRejected() {
            kapi.enqueue(json(401, KakaoBodies.apiError(-401, "this access token does not exist"))
                    .setHeader("WWW-Authenticate", "Bearer realm=\"oauth\", error=\"invalid_token\""));

            assertThat(failure(() -> provider().profileFromAccessToken(ACCESS_TOKEN)).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenTokenInfoWithoutAppId_profileFromAccessToken_isProviderUnavailable() {
            kapi.enqueue(json(200, "{\"id\":4362956124,\"expires_in\":7199}"));

            assertThat(failure(() -> provider().profileFromAccessToken(ACCESS_TOKEN)).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(kapi.getRequestCount()).isEqualTo(1);
        }

        @Test
        void givenTokenWithLineBreak_profileFromAccessToken_isRejectedWithoutCallingKakao() {
            assertThat(failure(() -> provider().profileFromAccessToken(ACCESS_TOKEN + "\r\nX-Evil: 1")).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(failure(() -> provider().profileFromAccessToken("")).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(kapi.getRequestCount()).isZero();
        }
    }

    @Nested
    class TokenEndpointErrors {

        private DomainException exchangeFailing(MockResponse answer) {
            kauth.enqueue(answer);
            DomainException e = failure(() -> provider().profileFromCode(CODE, null, null));
            assertThat(kapi.getRequestCount()).as("no profile call after a failed exchange").isZero();
            return e;
        }

        @Test
        void givenReusedCode_KOE320_isRejected() {
            assertThat(exchangeFailing(json(400, KakaoBodies.KOE320)).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(logsAt(Level.ERROR)).isEmpty();
        }

        @Test
        void givenRedirectUriMismatch_KOE303_isRejectedAndLogged() {
            assertThat(exchangeFailing(json(400, KakaoBodies.KOE303)).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(logsAt(Level.WARN)).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("KOE303"));
        }

        @Test
        void givenBadClientSecret_KOE010_isUnavailableAndLoggedAsConfigurationError() {
            assertThat(exchangeFailing(json(401, KakaoBodies.KOE010)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(logsAt(Level.ERROR)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("configuration", "KOE010", "KAKAO_CLIENT_SECRET"));
        }

        @Test
        void givenUnknownClientId_KOE101_isUnavailableAndLoggedAsConfigurationError() {
            assertThat(exchangeFailing(json(401, KakaoBodies.KOE101)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(logsAt(Level.ERROR)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("configuration", "KOE101", "KAKAO_CLIENT_ID"));
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 429})
        void givenRateLimit_KOE237_isUnavailable(int status) {
            assertThat(exchangeFailing(json(status, KakaoBodies.KOE237)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenDescriptionThatSoundsLikeKOE320ButOtherCode_isClassifiedByTheCode() {
            String body = "{\"error\":\"invalid_client\",\"error_description\":\"authorization code not found\","
                    + "\"error_code\":\"KOE010\"}";
            assertThat(exchangeFailing(json(400, body)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenHttp500WithHtml_isUnavailable() {
            assertThat(exchangeFailing(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/html")
                    .setBody(KakaoBodies.HTML_500)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504})
        void givenServerErrorWithEmptyBody_isUnavailable(int status) {
            assertThat(exchangeFailing(new MockResponse().setResponseCode(status)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<html>ok</html>", "not json at all " + ACCESS_TOKEN, "[1,2,3]", "\"access_token\"", "",
                "{\"access_token\":", "{\"access_token\":42}", "{\"access_token\":\"\"}"})
        void givenOkWithGarbageOrUnexpectedJson_isUnavailable(String body) {
            assertThat(exchangeFailing(json(200, body)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenOkWithoutAccessToken_isUnavailable() {
            assertThat(exchangeFailing(json(200, KakaoBodies.TOKEN_WITHOUT_ACCESS_TOKEN)).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenRedirect_isUnavailableAndNotFollowed() {
            assertThat(exchangeFailing(new MockResponse().setResponseCode(302).setHeader("Location", kapi.url("/elsewhere")))
                    .code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(kapi.getRequestCount()).isZero();
        }

        @Test
        void givenBodyOver64KiB_isUnavailable() {
            String huge = "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
            assertThat(exchangeFailing(json(200, huge)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenBodyJustUnder64KiB_isRead() {
            String prefix = "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"pad\":\"";
            String body = prefix + "x".repeat(ProviderHttp.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";
            assertThat(body).hasSize(ProviderHttp.MAX_BODY_BYTES);
            kauth.enqueue(json(200, body));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_FULL));

            assertThat(provider().profileFromCode(CODE, null, null).identity().subject()).isEqualTo("4362956124");
        }
    }

    @Nested
    class UserApiErrors {

        private DomainException userMeFailing(MockResponse answer) {
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK));
            kapi.enqueue(answer);
            return failure(() -> provider().profileFromCode(CODE, null, null));
        }

        @Test
        void givenMinus401_isRejected() {
            assertThat(userMeFailing(json(401, KakaoBodies.apiError(-401, "this access token does not exist"))
                    .setHeader("WWW-Authenticate", "Bearer realm=\"oauth\", error=\"invalid_token\"")).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenExpiredToken_minus401_isRejected() {
            assertThat(userMeFailing(json(401, KakaoBodies.apiError(-401, "this access token is already expired"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenMinus2_isRejected() {
            assertThat(userMeFailing(json(400, KakaoBodies.apiError(-2, "Authorization header is malformed"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenMinus1AsHttp400_isUnavailableDespiteThe400() {
            assertThat(userMeFailing(json(400, KakaoBodies.apiError(-1, "internal error"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenMaintenance_minus7_isUnavailable() {
            assertThat(userMeFailing(json(400, KakaoBodies.apiError(-7, "service check"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenMaintenance_minus9798_isUnavailable() {
            assertThat(userMeFailing(json(503, KakaoBodies.apiError(-9798, "service check"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 429})
        void givenQuotaExceeded_minus10_isUnavailable(int status) {
            assertThat(userMeFailing(json(status, KakaoBodies.apiError(-10, "api limit exceeded"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(ints = {-3, -5, -12})
        void givenAppSettingsRefused_isUnavailableAndLoggedAsConfigurationError(int code) {
            assertThat(userMeFailing(json(403, KakaoBodies.apiError(code, "not allowed"))).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(logsAt(Level.ERROR)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("configuration", "code " + code));
        }

        @Test
        void givenCodeAsNumericString_isStillClassifiedByIt() {
            assertThat(userMeFailing(json(401, "{\"msg\":\"x\",\"code\":\"-401\"}")).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
        }

        @Test
        void givenHttp401WithoutJson_isUnavailable() {
            assertThat(userMeFailing(new MockResponse().setResponseCode(401)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenHttp500WithHtml_isUnavailable() {
            assertThat(userMeFailing(new MockResponse().setResponseCode(500).setBody(KakaoBodies.HTML_500)).code())
                    .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenGarbage_isUnavailable() {
            assertThat(userMeFailing(json(200, "id=4362956124")).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }
    }

    @Nested
    class Transport {

        @Test
        void givenTokenAnswerSlowerThanReadTimeout_isUnavailable() {
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK).setHeadersDelay(3, TimeUnit.SECONDS));

            long started = System.nanoTime();
            DomainException e = failure(() -> provider().profileFromCode(CODE, null, null));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(tookMillis).isGreaterThanOrEqualTo(400).isLessThan(2_500);
        }

        @Test
        void givenProfileBodySlowerThanReadTimeout_isUnavailable() {
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_FULL).setBodyDelay(3, TimeUnit.SECONDS));

            assertThat(failure(() -> provider().profileFromCode(CODE, null, null)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenConnectionDroppedMidAnswer_isUnavailable() {
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

            assertThat(failure(() -> provider().profileFromCode(CODE, null, null)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenConnectSlowerThanConnectTimeout_isUnavailable() throws IOException {
            // A listening socket whose accept backlog is full leaves further SYNs unanswered (Linux),
            // which is what an unreachable Kakao looks like from here.
            try (ServerSocket blackhole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<Socket> fillers = new ArrayList<>();
                boolean saturated = false;
                try {
                    for (int i = 0; i < 10 && !saturated; i++) {
                        Socket socket = new Socket();
                        fillers.add(socket);
                        try {
                            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), blackhole.getLocalPort()), 200);
                        } catch (SocketTimeoutException e) {
                            saturated = true;
                        }
                    }
                    assumeTrue(saturated, "this OS refuses instead of dropping connections to a full backlog");
                    KakaoSettings base = settings(null, null);
                    KakaoSettings settings = new KakaoSettings(CLIENT_ID, null, null, base.redirectUri(),
                            URI.create("http://127.0.0.1:" + blackhole.getLocalPort()), base.apiBaseUrl(),
                            Duration.ofMillis(300), Duration.ofSeconds(5));

                    long started = System.nanoTime();
                    DomainException e = failure(() -> new KakaoIdentityProvider(settings).profileFromCode(CODE, null, null));
                    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("timed out");
                    assertThat(tookMillis).isGreaterThanOrEqualTo(250).isLessThan(2_500);
                } finally {
                    for (Socket socket : fillers) {
                        socket.close();
                    }
                }
            }
        }

        @Test
        void givenNothingListening_isUnavailable() throws IOException {
            KakaoIdentityProvider provider = provider();
            kauth.shutdown();

            assertThat(failure(() -> provider.profileFromCode(CODE, null, null)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        void givenDefaultSettings_clientUsesTwoAndFiveSecondTimeouts() {
            KakaoSettings settings = KakaoSettings.from(java.util.Map.of("KAKAO_CLIENT_ID", CLIENT_ID)::get).orElseThrow();
            OkHttpClient client = new KakaoIdentityProvider(settings).client();

            assertThat(client.connectTimeoutMillis()).isEqualTo(2_000);
            assertThat(client.readTimeoutMillis()).isEqualTo(5_000);
            assertThat(client.followRedirects()).isFalse();
        }

        @Test
        void afterErrorsAndSuccesses_everyResponseIsClosed() {
            KakaoSettings settings = settings(CLIENT_SECRET, APP_ID);
            OkHttpClient client = ProviderHttp.newClient(settings.connectTimeout(), settings.readTimeout());
            KakaoIdentityProvider provider = new KakaoIdentityProvider(settings, client);
            kauth.enqueue(json(400, KakaoBodies.KOE320));
            kauth.enqueue(new MockResponse().setResponseCode(500).setBody(KakaoBodies.HTML_500));
            kauth.enqueue(json(200, "garbage"));
            kauth.enqueue(json(200, KakaoBodies.TOKEN_OK));
            kapi.enqueue(json(401, KakaoBodies.apiError(-401, "expired")));
            kapi.enqueue(json(200, KakaoBodies.tokenInfo(APP_ID + 1)));
            kapi.enqueue(json(200, KakaoBodies.tokenInfo(APP_ID)));
            kapi.enqueue(json(200, KakaoBodies.USER_ME_FULL));

            for (int i = 0; i < 4; i++) {
                catchThrowable(() -> provider.profileFromCode(CODE, null, null));
            }
            catchThrowable(() -> provider.profileFromAccessToken(ACCESS_TOKEN));
            provider.profileFromAccessToken(ACCESS_TOKEN);

            // An unclosed response keeps its connection allocated, so it would never count as idle.
            assertThat(client.connectionPool().connectionCount()).isPositive();
            assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(client.connectionPool().connectionCount());
        }
    }

    @Test
    void logsOfEveryFailureKind_neverCarryCodeTokenOrSecret() {
        // The KOE320 description quotes the code; a -401 message here quotes the token: neither may surface.
        kauth.enqueue(json(400, KakaoBodies.KOE320));
        kauth.enqueue(json(401, KakaoBodies.KOE010.replace("Bad client credentials", "Bad client credentials " + CLIENT_SECRET)));
        kauth.enqueue(json(200, "{\"access_token\": " + ACCESS_TOKEN + "}"));
        kapi.enqueue(json(401, KakaoBodies.apiError(-401, "token " + ACCESS_TOKEN + " does not exist")));
        KakaoIdentityProvider provider = provider();

        for (int i = 0; i < 3; i++) {
            failure(() -> provider.profileFromCode(CODE, null, null));
        }
        failure(() -> provider.profileFromAccessToken(ACCESS_TOKEN));

        assertThat(logs.events()).hasSizeGreaterThanOrEqualTo(4);
        String all = Arrays.toString(logs.events().stream().map(ILoggingEvent::getFormattedMessage).toArray());
        assertNoSecretIn(all);
    }
}
