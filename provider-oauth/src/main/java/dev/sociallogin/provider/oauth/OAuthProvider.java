package dev.sociallogin.provider.oauth;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every OAuth 2.0 identity provider has in common, for an adapter to extend: its name, its
 * HTTP client and {@link OAuthClient}, the authorize URL of a flow, and login with a provider
 * access token refused (override {@link #profileFromAccessToken} only where the provider can say
 * a token was issued to our client, as Kakao can). The adapter declares
 * {@code extends OAuthProvider implements IdentityProvider} and writes {@code profileFromCode}: the
 * exchange ({@code oauth.exchange}) and what is really the provider's, its profile API.
 *
 * <p>This class does not implement the port itself: implementations of outbound ports live in the
 * adapters, this base is plumbing they share.
 */
public abstract class OAuthProvider {

    private static final Logger log = LoggerFactory.getLogger(OAuthProvider.class);

    private final ProviderName name;
    /** The provider's HTTP client, for its own APIs (profile, token info). */
    protected final ProviderHttp http;
    /** The authorize URL and the code exchange. */
    protected final OAuthClient oauth;

    /**
     * @param settings the provider's settings, logged once as the provider is enabled: their
     *                 {@code toString} must hide the secret
     */
    protected OAuthProvider(ProviderName name, ProviderHttp http, OAuthClient.Registration registration, HttpErrors tokenErrors,
                            Object settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.http = Objects.requireNonNull(http, "http");
        this.oauth = new OAuthClient(registration, http, tokenErrors);
        log.info("{} login enabled: {}", registration.provider(), settings);
    }

    public final ProviderName name() {
        return name;
    }

    /** The authorize URL of the flow: its state, and the PKCE challenge where the registration uses PKCE. */
    public URI authorizationUrl(LoginFlow flow) {
        return oauth.authorizationUrl(flow, Map.of());
    }

    /** Refused without calling the provider: a token from another app must never log anyone in. */
    public ProviderProfile profileFromAccessToken(String accessToken) {
        throw new DomainException(ErrorCode.INVALID_REQUEST, "login with a " + oauth.registration().provider()
                + " access token is not supported: the provider cannot tell which app a token was issued to");
    }

    /** {@code base} plus path segments; a base with a path prefix keeps it ({@code https://h/p} + {@code a/b} = {@code https://h/p/a/b}). */
    public static URI endpoint(URI base, String segments) {
        return url(base, segments).uri();
    }

    /** {@link #endpoint} as OkHttp's URL. */
    public static HttpUrl url(URI base, String segments) {
        return HttpUrl.get(base.toString()).newBuilder().addPathSegments(segments).build();
    }
}
