package dev.sociallogin.adapter.out.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.provider.oauth.OAuthClient;
import dev.sociallogin.provider.oauth.ProviderHttp;
import dev.sociallogin.testfixtures.fake.MutableClock;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake;
import dev.sociallogin.testfixtures.providers.ProviderLogs;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake.Person;
import dev.sociallogin.testfixtures.providers.OidcIssuerFake.Signing;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configured OpenID Connect provider against {@link OidcIssuerFake} over real HTTP: discovery,
 * the issuer's keys, real RS256 and ES256 ID tokens, PKCE checked by the issuer, and each attack on
 * the ID token refused.
 */
class OidcIdentityProviderTest {

    private static final ProviderName ACME = new ProviderName("acme");
    private static final Person ALICE = new Person("248289761001", "alice@example.test", true, "Alice Example");

    private OidcIssuerFake issuer;
    private MutableClock clock;
    private ProviderLogs logs;

    @BeforeEach
    void start() {
        issuer = new OidcIssuerFake();
        clock = MutableClock.at(Instant.now());
        logs = ProviderLogs.capture("dev.sociallogin.adapter.out.oidc");
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        issuer.close();
        assertThat(logs.leakOf(List.of(OidcIssuerFake.CLIENT_SECRET, "oidc-code-", "oidc-at-", "eyJ"))).isNull();
    }

    private OidcSettings settings(String secret) {
        return new OidcSettings(ACME, issuer.issuer(), OidcIssuerFake.CLIENT_ID, secret, URI.create("http://localhost:8080/auth/acme/callback"),
                List.of("openid", "email", "profile"), Duration.ofMillis(800), Duration.ofMillis(800));
    }

    private OidcIdentityProvider provider() {
        return new OidcIdentityProvider(settings(OidcIssuerFake.CLIENT_SECRET), clock,
                ProviderHttp.newClient(Duration.ofMillis(800), Duration.ofMillis(800)), Duration.ofSeconds(60));
    }

    private LoginFlow flow() {
        return LoginFlow.begin(ACME, clock.instant().plusSeconds(600));
    }

    /** The browser's round trip: our authorize URL, the person approving at the issuer, the code back. */
    private ProviderProfile login(OidcIdentityProvider provider, Person person) {
        LoginFlow flow = flow();
        return provider.profileFromCode(issuer.approve(provider.authorizationUrl(flow), person), null, flow);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static DomainException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    @Test
    void authorizationUrl_isTheDiscoveredEndpointWithScopesStatePkceAndNonce() {
        OidcIdentityProvider provider = provider();
        LoginFlow flow = flow();

        URI url = provider.authorizationUrl(flow);

        assertThat(url.toString()).startsWith(issuer.issuer() + "/protocol/openid-connect/auth?");
        assertThat(query(url)).containsExactly(Map.entry("response_type", "code"), Map.entry("client_id", OidcIssuerFake.CLIENT_ID),
                Map.entry("redirect_uri", "http://localhost:8080/auth/acme/callback"), Map.entry("scope", "openid email profile"),
                Map.entry("state", flow.state()), Map.entry("code_challenge", OAuthClient.s256(flow.codeVerifier())),
                Map.entry("code_challenge_method", "S256"), Map.entry("nonce", flow.nonce()));
        assertThat(issuer.discoveryRequests()).isEqualTo(1);
        provider.authorizationUrl(flow());
        assertThat(issuer.discoveryRequests()).as("discovery is kept").isEqualTo(1);
    }

    @Test
    void givenRs256IdToken_profileFromCode_isThePersonWithTheVerifiedEmail() {
        ProviderProfile profile = login(provider(), ALICE);

        assertThat(profile.identity().provider()).isEqualTo(ACME);
        assertThat(profile.identity().subject()).isEqualTo("248289761001");
        assertThat(profile.identity().username().value()).isEqualTo("acme_248289761001");
        assertThat(profile.verifiedEmail()).contains(new Email("alice@example.test"));
        assertThat(profile.nickname().value()).isEqualTo("Alice Example");
        assertThat(issuer.tokenRequests()).isEqualTo(1);
    }

    @Test
    void givenEs256IdToken_profileFromCode_verifiesItWithTheIssuersEcKey() {
        issuer.signWith(Signing.ES256);

        assertThat(login(provider(), ALICE).identity().subject()).isEqualTo("248289761001");
    }

    @Test
    void givenUnverifiedEmail_profile_neverVouchesForIt() {
        ProviderProfile profile = login(provider(), new Person("sub-2", "bob@example.test", false, "Bob"));

        assertThat(profile.email()).isEqualTo(new Email("bob@example.test"));
        assertThat(profile.verifiedEmail()).isEmpty();
    }

    @Test
    void givenIdTokenWithoutProfile_profile_comesFromUserinfo() {
        issuer.idTokensWithoutProfile(true);

        ProviderProfile profile = login(provider(), ALICE);

        assertThat(profile.verifiedEmail()).contains(new Email("alice@example.test"));
        assertThat(profile.nickname().value()).isEqualTo("Alice Example");
    }

    @Test
    void givenSubjectOf255Characters_username_isTheStableDigest() {
        String subject = "auth0|" + "x".repeat(249);

        ProviderProfile profile = login(provider(), new Person(subject, null, false, null));

        assertThat(profile.identity().subject()).isEqualTo(subject);
        assertThat(profile.identity().username().value()).startsWith("acme_").hasSize(5 + 43);
    }

    @Test
    void givenAppCodeWithoutFlow_profileFromCode_sendsNoVerifierAndNeedsNoNonce() {
        OidcIdentityProvider provider = provider();
        URI withoutPkce = URI.create(issuer.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + OidcIssuerFake.CLIENT_ID + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb");

        ProviderProfile profile = provider.profileFromCode(issuer.approve(withoutPkce, ALICE), "https://app.example/cb", null);

        assertThat(profile.identity().subject()).isEqualTo("248289761001");
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                attack("wrong nonce", Signing.RS256, claims -> claims.put("nonce", "n".repeat(43))),
                attack("missing nonce", Signing.RS256, claims -> claims.remove("nonce")),
                attack("wrong audience", Signing.RS256, claims -> claims.put("aud", "another-client")),
                attack("audience list without azp", Signing.RS256, claims -> claims.putArray("aud").add(OidcIssuerFake.CLIENT_ID).add("other")),
                attack("wrong issuer", Signing.RS256, claims -> claims.put("iss", "https://evil.example")),
                attack("expired", Signing.RS256, claims -> claims.put("exp", Instant.now().minusSeconds(600).getEpochSecond())
                        .put("iat", Instant.now().minusSeconds(900).getEpochSecond())),
                attack("issued in the future", Signing.RS256, claims -> claims.put("iat", Instant.now().plusSeconds(3600).getEpochSecond())),
                attack("no subject", Signing.RS256, claims -> claims.remove("sub")),
                attack("alg none", Signing.NONE, claims -> { }),
                attack("HS256 keyed with the issuer's public key", Signing.HS256_WITH_THE_RSA_PUBLIC_KEY, claims -> { }),
                attack("unknown kid", Signing.UNKNOWN_KID, claims -> { }));
    }

    private static Arguments attack(String name, Signing signing, Consumer<ObjectNode> claims) {
        return Arguments.of(name, signing, claims);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void givenAttackOnTheIdToken_profileFromCode_isRejected(String name, Signing signing, Consumer<ObjectNode> claims) {
        OidcIdentityProvider provider = provider();
        issuer.tamperNextIdToken(signing, claims);

        assertThat(failure(() -> login(provider, ALICE)).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        // the same provider still logs an honest token in: nothing was poisoned
        assertThat(login(provider, ALICE).identity().subject()).isEqualTo("248289761001");
    }

    @Test
    void givenVerifierOfAnotherFlow_theIssuerRefusesTheCode() {
        OidcIdentityProvider provider = provider();
        LoginFlow mine = flow();
        LoginFlow other = flow();
        String codeOfOtherFlow = issuer.approve(provider.authorizationUrl(other), ALICE);

        assertThat(failure(() -> provider.profileFromCode(codeOfOtherFlow, null, mine)).code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    }

    @Test
    void givenUnknownKid_theKeySetIsFetchedAgainAtMostOncePerInterval() {
        OidcIdentityProvider provider = provider();
        login(provider, ALICE);
        assertThat(issuer.jwksRequests()).isEqualTo(1);

        issuer.tamperNextIdToken(Signing.UNKNOWN_KID, claims -> { });
        failure(() -> login(provider, ALICE));
        assertThat(issuer.jwksRequests()).as("fetched moments ago: not again").isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        issuer.tamperNextIdToken(Signing.UNKNOWN_KID, claims -> { });
        failure(() -> login(provider, ALICE));
        assertThat(issuer.jwksRequests()).as("a rotation is looked for once the interval passed").isEqualTo(2);
        issuer.tamperNextIdToken(Signing.UNKNOWN_KID, claims -> { });
        failure(() -> login(provider, ALICE));
        assertThat(issuer.jwksRequests()).isEqualTo(2);
    }

    @Test
    void givenIssuerDown_loginIsUnavailableQuicklyAndRecoversOnceItIsBack() {
        OidcIdentityProvider provider = provider();
        issuer.setDown(true);

        long started = System.nanoTime();
        assertThat(failure(() -> provider.authorizationUrl(flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        issuer.setDown(false);
        assertThat(failure(() -> provider.authorizationUrl(flow())).code()).as("not retried at once").isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(issuer.discoveryRequests()).isZero();

        clock.advance(Duration.ofSeconds(11));
        assertThat(login(provider, ALICE).identity().subject()).isEqualTo("248289761001");
    }

    @Test
    void givenDiscoveryNamingAnotherIssuer_loginIsUnavailableAndAConfigurationError() {
        OidcSettings wrong = new OidcSettings(ACME, issuer.issuer() + "/", OidcIssuerFake.CLIENT_ID, OidcIssuerFake.CLIENT_SECRET,
                URI.create("http://localhost:8080/auth/acme/callback"), List.of("openid"), null, null);
        OidcIdentityProvider provider = new OidcIdentityProvider(wrong, clock);

        assertThat(failure(() -> provider.authorizationUrl(flow())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(logs.at(Level.ERROR)).isNotEmpty();
    }

    @Test
    void givenWrongClientSecret_isUnavailableAndAConfigurationError() {
        OidcIdentityProvider provider = new OidcIdentityProvider(settings("wrong-secret"), clock);

        assertThat(failure(() -> login(provider, ALICE)).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(logs.events()).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("configuration", "invalid_client"));
    }

    @Test
    void profileFromAccessToken_isInvalidRequest() {
        assertThat(failure(() -> provider().profileFromAccessToken("at")).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(issuer.discoveryRequests()).isZero();
    }
}
