package dev.sociallogin.adapter.out.kakao;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.provider.oauth.OAuthClient;
import dev.sociallogin.provider.oauth.OAuthClient.ClientAuthentication;
import dev.sociallogin.provider.oauth.OAuthProvider;
import dev.sociallogin.provider.oauth.ProviderErrors;
import dev.sociallogin.provider.oauth.ProviderHttp;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kakao Login over its REST API (shared/kakao-api.md): the authorization-code flow for browsers
 * (the OAuth plumbing is the shared {@link OAuthClient}; Kakao takes the client secret in the body
 * only, and PKCE is not in its REST documentation, so none is sent) and login with a Kakao access
 * token for mobile apps, accepted only for tokens {@code access_token_info} says are our app's.
 */
public final class KakaoIdentityProvider extends OAuthProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(KakaoIdentityProvider.class);

    /** Header-safe token shape (visible ASCII); anything else could never be a Kakao token. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,4096}");

    private final KakaoSettings settings;
    private final HttpUrl userMeUrl;
    private final HttpUrl tokenInfoUrl;

    public KakaoIdentityProvider(KakaoSettings settings) {
        this(settings, ProviderHttp.newClient(settings.connectTimeout(), settings.readTimeout()));
    }

    /** With a given client (tests inspect its connection pool). */
    KakaoIdentityProvider(KakaoSettings settings, OkHttpClient client) {
        super(ProviderName.KAKAO, new ProviderHttp("Kakao", client), new OAuthClient.Registration("Kakao", settings.clientId(),
                settings.clientSecret(), ClientAuthentication.CLIENT_SECRET_POST, settings.redirectUri(),
                endpoint(settings.authBaseUrl(), "oauth/authorize"), endpoint(settings.authBaseUrl(), "oauth/token"), List.of(), false),
                KakaoErrors::fromTokenEndpoint, settings);
        this.settings = settings;
        this.userMeUrl = url(settings.apiBaseUrl(), "v2/user/me");
        this.tokenInfoUrl = url(settings.apiBaseUrl(), "v1/user/access_token_info");
    }

    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
        return userMe(oauth.accessToken(oauth.exchange(code, redirectUri, flow, Map.of())));
    }

    /** Accepted only for tokens {@code access_token_info} says are our app's ({@code KAKAO_APP_ID}). */
    @Override
    public ProviderProfile profileFromAccessToken(String accessToken) {
        if (!settings.tokenLoginEnabled()) {
            // without our app id we cannot tell our tokens from any other Kakao app's, so never ask
            throw new DomainException(ErrorCode.INVALID_REQUEST, "login with a Kakao access token is disabled: KAKAO_APP_ID is not configured");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "access token is required");
        }
        if (!TOKEN_SHAPE.matcher(accessToken).matches()) {
            throw ProviderErrors.rejected("access token is not a Kakao token");
        }
        long appId = KakaoResponses.appId(http.getWithBearer(tokenInfoUrl, accessToken, "access_token_info",
                KakaoErrors.fromUserApi("access_token_info")));
        if (appId != settings.appId()) {
            // app ids are public numbers, safe to log; the token is not
            log.warn("Refused a Kakao access token issued to another app (app_id {}, ours {})", appId, settings.appId());
            throw ProviderErrors.rejected("Kakao access token was issued to another app");
        }
        return userMe(accessToken);
    }

    private ProviderProfile userMe(String accessToken) {
        return KakaoResponses.profile(http.getWithBearer(userMeUrl, accessToken, "user/me", KakaoErrors.fromUserApi("user/me")));
    }

    OkHttpClient client() {
        return http.client();
    }
}
