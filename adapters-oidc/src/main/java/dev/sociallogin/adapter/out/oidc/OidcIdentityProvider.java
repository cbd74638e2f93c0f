package dev.sociallogin.adapter.out.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.provider.oauth.IdTokenVerifier;
import dev.sociallogin.provider.oauth.JsonFields;
import dev.sociallogin.provider.oauth.JwksKeys;
import dev.sociallogin.provider.oauth.OAuthClient;
import dev.sociallogin.provider.oauth.OAuthClient.ClientAuthentication;
import dev.sociallogin.provider.oauth.OidcDiscovery;
import dev.sociallogin.provider.oauth.OidcMetadata;
import dev.sociallogin.provider.oauth.ProviderErrors;
import dev.sociallogin.provider.oauth.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any OpenID Connect provider, from its issuer's discovery document: the authorization-code flow
 * with PKCE S256 and a nonce, the ID token validated against the issuer's keys
 * ({@link IdTokenVerifier}), userinfo read when the ID token carries neither email nor name, the
 * email kept only when {@code email_verified} is true. Discovery happens at the first login (or
 * ahead, see {@link #prefetch}); while the issuer is unreachable a login fails {@code PROVIDER_UNAVAILABLE}.
 * Login with a provider access token is refused: a token does not say which client it was issued to.
 */
public final class OidcIdentityProvider implements IdentityProvider {

    static final Duration JWKS_REFRESH_INTERVAL = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(OidcIdentityProvider.class);

    private final OidcSettings settings;
    private final ProviderHttp http;
    private final OidcDiscovery discovery;
    private final JwksKeys keys;
    private final IdTokenVerifier verifier;
    private OAuthClient oauth;

    public OidcIdentityProvider(OidcSettings settings, Clock clock) {
        this(settings, clock, ProviderHttp.newClient(settings.connectTimeout(), settings.readTimeout()), JWKS_REFRESH_INTERVAL);
    }

    OidcIdentityProvider(OidcSettings settings, Clock clock, OkHttpClient client, Duration jwksRefreshInterval) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new ProviderHttp(settings.name().value(), client);
        this.discovery = new OidcDiscovery(http, settings.issuer(), clock);
        this.keys = new JwksKeys(http, () -> discovery.metadata().jwksUri(), clock, jwksRefreshInterval);
        this.verifier = new IdTokenVerifier(settings.name().value(), settings.issuer(), settings.clientId(), keys,
                () -> discovery.metadata().signingAlgorithms(), clock);
        log.info("OpenID Connect login enabled: {}", settings);
    }

    /** Reads discovery and the key set on a background thread now, so that the first login need not wait. */
    void prefetch() {
        discovery.prefetchInBackground(() -> keys.candidates(null));
    }

    @Override
    public ProviderName name() {
        return settings.name();
    }

    @Override
    public URI authorizationUrl(LoginFlow flow) {
        return oauth().authorizationUrl(flow, Map.of("nonce", flow.nonce()));
    }

    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
        OAuthClient client = oauth();
        JsonNode tokens = client.exchange(code, redirectUri, flow, Map.of());
        String idToken = JsonFields.text(tokens, "id_token");
        if (idToken == null) {
            log.warn("{} token endpoint answered without an id_token", settings.name());
            throw ProviderErrors.unavailable(settings.name() + " token endpoint answered without an id_token");
        }
        JsonNode claims = verifier.verify(idToken, flow == null ? null : flow.nonce());
        URI userinfo = discovery.metadata().userinfoEndpoint();
        if (!claims.has("email") && !claims.has("name") && userinfo != null) {
            claims = withUserinfo(claims, client.accessToken(tokens), userinfo);
        }
        return profile(claims);
    }

    @Override
    public ProviderProfile profileFromAccessToken(String accessToken) {
        throw new DomainException(ErrorCode.INVALID_REQUEST, "login with an access token is not supported for " + settings.name()
                + ": a token does not say which client it was issued to; use the code flow");
    }

    private synchronized OAuthClient oauth() {
        if (oauth == null) {
            OidcMetadata metadata = discovery.metadata();
            // client_secret_basic is the default; only an issuer that offers post alone gets the secret in the body
            boolean postOnly = metadata.tokenEndpointAuthMethods().contains("client_secret_post")
                    && !metadata.tokenEndpointAuthMethods().contains("client_secret_basic");
            oauth = new OAuthClient(new OAuthClient.Registration(settings.name().value(), settings.clientId(), settings.clientSecret(),
                    postOnly ? ClientAuthentication.CLIENT_SECRET_POST : ClientAuthentication.CLIENT_SECRET_BASIC, settings.redirectUri(),
                    metadata.authorizationEndpoint(), metadata.tokenEndpoint(), settings.scopes(), true),
                    http, ProviderErrors.oauth(settings.name().value(), "check the client id and secret of " + settings.name()));
        }
        return oauth;
    }

    /** OIDC Core §5.3.2: userinfo's {@code sub} must be the ID token's, else its claims are not this person's. */
    private JsonNode withUserinfo(JsonNode claims, String accessToken, URI endpoint) {
        JsonNode info = http.getWithBearer(HttpUrl.get(endpoint.toString()), accessToken, "userinfo",
                ProviderErrors.failing(settings.name().value(), "userinfo"));
        if (!Objects.equals(JsonFields.text(info, "sub"), JsonFields.text(claims, "sub"))) {
            log.warn("{} userinfo answered for another subject", settings.name());
            throw ProviderErrors.unavailable(settings.name() + " userinfo answered for another subject");
        }
        ObjectNode merged = ((ObjectNode) claims).deepCopy();
        for (String field : new String[] {"email", "email_verified", "name", "preferred_username", "nickname", "given_name"}) {
            if (info.has(field)) {
                merged.set(field, info.get(field));
            }
        }
        return merged;
    }

    private ProviderProfile profile(JsonNode claims) {
        String email = JsonFields.text(claims, "email");
        JsonNode verified = claims.get("email_verified");
        // some issuers send the flag as a string
        boolean vouched = verified != null && (verified.isBoolean() ? verified.booleanValue() : "true".equals(verified.asText()));
        String nickname = JsonFields.text(claims, "name");
        for (String field : new String[] {"preferred_username", "nickname", "given_name"}) {
            nickname = nickname != null ? nickname : JsonFields.text(claims, field);
        }
        boolean valid = Email.isValid(email);
        return new ProviderProfile(new SocialIdentity(settings.name(), JsonFields.text(claims, "sub")), valid ? new Email(email) : null,
                valid && vouched, Nickname.of(nickname));
    }
}
