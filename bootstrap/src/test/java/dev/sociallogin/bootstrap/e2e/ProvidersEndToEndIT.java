package dev.sociallogin.bootstrap.e2e;

import static dev.sociallogin.bootstrap.e2e.EndToEndIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake.Person;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake.Signing;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider platform over real sockets: the whole service with Kakao, Naver and a configured
 * OpenID Connect provider ({@code acme}), each logging in through the browser flow (authorize, the
 * provider's redirect, the callback with the {@code oauthState} cookie), and every attack on the
 * OpenID Connect path refused with the contract's code.
 */
class ProvidersEndToEndIT {

    @TempDir
    static Path dataDir;

    static KakaoFake kakao;
    static NaverFake naver;
    static OidcIssuerFake acme;
    static RunningService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        kakao = new KakaoFake();
        naver = new NaverFake();
        acme = new OidcIssuerFake();
        service = new RunningService(RunningService.variables(kakao, dataDir.toString(),
                "NAVER_CLIENT_ID", NaverFake.CLIENT_ID, "NAVER_CLIENT_SECRET", NaverFake.CLIENT_SECRET,
                "NAVER_AUTH_BASE_URL", naver.baseUrl(), "NAVER_API_BASE_URL", naver.baseUrl(),
                "AUTH_OIDC_PROVIDERS", "acme,offline",
                "OIDC_ACME_ISSUER", acme.issuer(), "OIDC_ACME_CLIENT_ID", OidcIssuerFake.CLIENT_ID,
                "OIDC_ACME_CLIENT_SECRET", OidcIssuerFake.CLIENT_SECRET,
                // an issuer nothing answers for: start-up must not wait for it, its logins are 502
                "OIDC_OFFLINE_ISSUER", "http://127.0.0.1:1/realms/gone", "OIDC_OFFLINE_CLIENT_ID", "c"));
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        kakao.close();
        naver.close();
        acme.close();
    }

    /** What a browser holds after authorize: where it was sent, the state there, and the cookie. */
    record Authorized(URI location, String state, String cookie) {
        static Authorized of(Http.Reply reply) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
            return new Authorized(URI.create(reply.header("Location")), HttpUrl.get(reply.header("Location")).queryParameter("state"),
                    reply.cookieHeader("oauthState"));
        }
    }

    static Authorized authorize(String provider) {
        return Authorized.of(http.get("/auth/" + provider + "/authorize"));
    }

    static Http.Reply callback(String provider, String code, Authorized authorized) {
        return http.get("/auth/" + provider + "/callback?code=" + code + "&state=" + authorized.state(), "Cookie", authorized.cookie());
    }

    static Http.Reply acmeLogin(Person person) {
        Authorized authorized = authorize("acme");
        return callback("acme", acme.approve(authorized.location(), person), authorized);
    }

    static Person aPerson(boolean emailVerified) {
        String sub = UUID.randomUUID().toString();
        return new Person(sub, sub.substring(0, 8) + "@acme.example", emailVerified, "Acme " + sub.substring(0, 4));
    }

    @Test
    void providers_listsEveryEnabledProvider() {
        assertThat(http.get("/auth/providers").json().path("providers").toString()).isEqualTo("[\"acme\",\"kakao\",\"naver\",\"offline\"]");
    }

    @Test
    void kakao_browserFlow_stillLogsIn() {
        long kakaoId = kakao.newAccount("카카오");

        Http.Reply login = EndToEndIT.browserLogin(http, kakao, kakaoId);

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("user").path("username").asText()).isEqualTo("kakao_" + kakaoId);
    }

    @Test
    void naver_browserFlow_registersThenLogsInWithoutStoringTheUnvouchedEmail() {
        String naverId = "nv" + UUID.randomUUID().toString().replace("-", "");
        Authorized authorized = authorize("naver");
        assertThat(authorized.location().toString()).startsWith(naver.baseUrl() + "/oauth2.0/authorize?");
        assertThat(HttpUrl.get(authorized.location().toString()).queryParameter("client_id")).isEqualTo(NaverFake.CLIENT_ID);

        Http.Reply first = callback("naver", naver.codeFor(naverId, authorized.state()), authorized);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode user = first.json().path("user");
        assertThat(first.json().path("message").asText()).isEqualTo("register success");
        assertThat(user.path("username").asText()).isEqualTo("naver_" + naverId);
        assertThat(user.path("email").isNull()).as("Naver does not vouch for emails").isTrue();
        assertThat(user.path("nickname").asText()).startsWith("네이버");
        Authorized again = authorize("naver");
        Http.Reply second = callback("naver", naver.codeFor(naverId, again.state()), again);
        assertThat(second.json().path("message").asText()).isEqualTo("login success");
        assertThat(second.json().path("user").path("id")).isEqualTo(user.path("id"));
    }

    @Test
    void naver_codeOfAnotherAuthorizesState_isRefusedByNaverAndAnswered401() {
        Authorized mine = authorize("naver");
        Authorized other = authorize("naver");

        // Naver binds the code to its authorize's state, which we send with the exchange
        assertProblem(callback("naver", naver.codeFor("nv-x", other.state()), mine), 401, "provider_rejected");
    }

    @Test
    void naver_appLoginWithCodeAndTokenLogin_answerAsTheContractSays() {
        Http.Reply app = http.post("/auth/naver/login", "{\"code\":\"" + naver.codeFor("nv-app", null) + "\"}");
        assertThat(app.status()).as(app.toString()).isEqualTo(200);
        assertThat(app.json().path("user").path("username").asText()).isEqualTo("naver_nv-app");
        // a reused code: Naver answers 200 with an error field, which is a refusal
        assertProblem(http.post("/auth/naver/login", "{\"code\":\"naver-code-used\"}"), 401, "provider_rejected");
        assertProblem(http.post("/auth/naver/login", "{\"accessToken\":\"AAAAnaver\"}"), 400, "invalid_request");
    }

    @Test
    void oidc_browserFlow_registersWithTheVerifiedEmailThenLogsIn() {
        Person person = aPerson(true);
        Authorized authorized = authorize("acme");
        HttpUrl location = HttpUrl.get(authorized.location().toString());
        assertThat(location.toString()).startsWith(acme.issuer() + "/protocol/openid-connect/auth?");
        assertThat(location.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(location.queryParameter("nonce")).hasSize(43);
        assertThat(location.queryParameter("scope")).isEqualTo("openid email profile");

        Http.Reply first = callback("acme", acme.approve(authorized.location(), person), authorized);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode user = first.json().path("user");
        assertThat(first.json().path("message").asText()).isEqualTo("register success");
        assertThat(user.path("username").asText()).isEqualTo("acme_" + person.subject());
        assertThat(user.path("email").asText()).isEqualTo(person.email());
        assertThat(user.path("nickname").asText()).isEqualTo(person.name());
        assertThat(first.setCookies().get("oauthState")).contains("Max-Age=0");
        Http.Reply me = http.get("/api/users/me", "Cookie", first.cookieHeader("accessToken"));
        assertThat(me.json().path("id")).isEqualTo(user.path("id"));

        acme.signWith(Signing.ES256);
        try {
            Http.Reply second = acmeLogin(person);
            assertThat(second.json().path("message").asText()).as(second.toString()).isEqualTo("login success");
            assertThat(second.json().path("user").path("id")).isEqualTo(user.path("id"));
        } finally {
            acme.signWith(Signing.RS256);
        }
    }

    @Test
    void oidc_unverifiedEmail_isNotStored_andALongSubjectGetsADigestUsername() {
        Http.Reply unverified = acmeLogin(aPerson(false));
        assertThat(unverified.json().path("user").path("email").isNull()).as(unverified.toString()).isTrue();

        String subject = "auth0|" + UUID.randomUUID() + "|" + "x".repeat(200);
        Http.Reply long255 = acmeLogin(new Person(subject, null, false, null));
        assertThat(long255.status()).as(long255.toString()).isEqualTo(200);
        assertThat(long255.json().path("user").path("username").asText()).startsWith("acme_").hasSize(48);
        // the same long subject is the same user next time
        assertThat(acmeLogin(new Person(subject, null, false, null)).json().path("user").path("id"))
                .isEqualTo(long255.json().path("user").path("id"));
    }

    static Stream<Arguments> idTokenAttacks() {
        return Stream.of(
                attack("wrong nonce", Signing.RS256, claims -> claims.put("nonce", "n".repeat(43))),
                attack("missing nonce", Signing.RS256, claims -> claims.remove("nonce")),
                attack("wrong audience", Signing.RS256, claims -> claims.put("aud", "someone-else")),
                attack("wrong issuer", Signing.RS256, claims -> claims.put("iss", "https://evil.example/realms/e2e")),
                attack("expired", Signing.RS256, claims -> claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond())
                        .put("iat", Instant.now().minusSeconds(7200).getEpochSecond())),
                attack("alg none", Signing.NONE, claims -> { }),
                attack("HS256 signed with the issuer's public key", Signing.HS256_WITH_THE_RSA_PUBLIC_KEY, claims -> { }),
                attack("unknown kid", Signing.UNKNOWN_KID, claims -> { }));
    }

    private static Arguments attack(String name, Signing signing, Consumer<ObjectNode> claims) {
        return Arguments.of(name, signing, claims);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTokenAttacks")
    void oidc_attackOnTheIdToken_isRefused401ProviderRejected(String name, Signing signing, Consumer<ObjectNode> claims) {
        Person person = aPerson(true);
        acme.tamperNextIdToken(signing, claims);

        Http.Reply reply = acmeLogin(person);

        assertProblem(reply, 401, "provider_rejected");
        assertThat(reply.setCookies()).doesNotContainKeys("accessToken", "refreshToken");
    }

    @Test
    void oidc_replayedCallback_isInvalidState() {
        Authorized authorized = authorize("acme");
        String code = acme.approve(authorized.location(), aPerson(true));
        assertThat(callback("acme", code, authorized).status()).isEqualTo(200);

        // the very same request again, as one who captured it would send it
        assertProblem(callback("acme", code, authorized), 400, "invalid_state");
        // and with a fresh code for that flow: the flow itself is used up
        assertProblem(callback("acme", acme.approve(authorized.location(), aPerson(true)), authorized), 400, "invalid_state");
    }

    @Test
    void oidc_codeWithTheVerifierOfAnotherFlow_isRefusedByTheIssuer() {
        Authorized victim = authorize("acme");
        Authorized attacker = authorize("acme");
        // a code issued for the attacker's authorize (its PKCE challenge), injected into the victim's callback
        String injected = acme.approve(attacker.location(), aPerson(true));
        int before = acme.tokenRequests();

        assertProblem(callback("acme", injected, victim), 401, "provider_rejected");
        assertThat(acme.tokenRequests()).as("the issuer saw the verifier and refused it").isEqualTo(before + 1);
    }

    @Test
    void oidc_tamperedOrForeignOauthStateCookie_isInvalidState() {
        Authorized authorized = authorize("acme");
        String code = acme.approve(authorized.location(), aPerson(true));
        int exchanges = acme.tokenRequests();
        String sealed = authorized.cookie().substring("oauthState=".length());
        // f1.<kid>.<payload>: the payload is sealed under the key the kid names
        int payloadAt = sealed.lastIndexOf('.') + 1;
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(payloadAt));
        raw[raw.length / 2] ^= 0x01;
        String tampered = "oauthState=" + sealed.substring(0, payloadAt) + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertProblem(http.get("/auth/acme/callback?code=" + code + "&state=" + authorized.state(), "Cookie", tampered), 400, "invalid_state");
        // a cookie sealed for a Kakao flow does not open Acme's callback
        Authorized kakaoFlow = authorize("kakao");
        assertProblem(http.get("/auth/acme/callback?code=" + code + "&state=" + kakaoFlow.state(), "Cookie", kakaoFlow.cookie()), 400,
                "invalid_state");
        assertThat(acme.tokenRequests()).as("no exchange for a refused state").isEqualTo(exchanges);
        // the untouched cookie still works: nothing above used the flow up
        assertThat(callback("acme", code, authorized).status()).isEqualTo(200);
    }

    @Test
    void oidc_issuerUnreachable_loginIs502ProviderError() {
        assertProblem(http.get("/auth/offline/authorize"), 502, "provider_error");
        assertProblem(http.post("/auth/offline/login", "{\"code\":\"abc\"}"), 502, "provider_error");
    }

    @Test
    void oidc_appLoginWithCodeAndTokenLogin_answerAsTheContractSays() {
        URI withoutFlow = URI.create(acme.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id=" + OidcIssuerFake.CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fspa.example%2Fcb");
        String code = acme.approve(withoutFlow, aPerson(true));

        Http.Reply app = http.post("/auth/acme/login", "{\"code\":\"" + code + "\",\"redirectUri\":\"https://spa.example/cb\"}");

        assertThat(app.status()).as(app.toString()).isEqualTo(200);
        assertProblem(http.post("/auth/acme/login", "{\"accessToken\":\"whatever\"}"), 400, "invalid_request");
    }
}
