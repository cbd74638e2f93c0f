package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.adapter.out.kakao.KakaoHttp.Endpoint;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.port.out.IdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kakao Login over its REST API: the authorization-code flow for browsers and login with a Kakao
 * access token for mobile apps. See {@code docs/adding-a-provider.md} for how this is wired.
 */
public final class KakaoIdentityProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(KakaoIdentityProvider.class);

    /** Kakao documents the charset on the token request; OkHttp's FormBody would omit it. */
    private static final MediaType FORM_UTF8 = MediaType.get("application/x-www-form-urlencoded;charset=utf-8");
    /** Header-safe token shape (visible ASCII); anything else could never be a Kakao token. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,4096}");
    private static final int MAX_CODE_LENGTH = 4096;

    private final KakaoSettings settings;
    private final KakaoHttp http;
    private final HttpUrl authorizeUrl;
    private final HttpUrl tokenUrl;
    private final HttpUrl userMeUrl;
    private final HttpUrl tokenInfoUrl;

    public KakaoIdentityProvider(KakaoSettings settings) {
        this(settings, KakaoHttp.newClient(Objects.requireNonNull(settings, "settings")));
    }

    /** With a given client (tests inspect its connection pool). */
    KakaoIdentityProvider(KakaoSettings settings, OkHttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new KakaoHttp(Objects.requireNonNull(client, "client"));
        HttpUrl auth = HttpUrl.get(settings.authBaseUrl().toString());
        HttpUrl api = HttpUrl.get(settings.apiBaseUrl().toString());
        this.authorizeUrl = auth.newBuilder().addPathSegments("oauth/authorize").build();
        this.tokenUrl = auth.newBuilder().addPathSegments("oauth/token").build();
        this.userMeUrl = api.newBuilder().addPathSegments("v2/user/me").build();
        this.tokenInfoUrl = api.newBuilder().addPathSegments("v1/user/access_token_info").build();
        log.info("Kakao login enabled: {}", settings);
    }

    @Override
    public ProviderName name() {
        return ProviderName.KAKAO;
    }

    @Override
    public URI authorizationUrl(String state) {
        if (state == null || state.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "authorization state is required");
        }
        // HttpUrl percent-encodes each value, so a redirect URI or state with &, = or / stays one parameter.
        HttpUrl url = authorizeUrl.newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", settings.clientId())
                .addQueryParameter("redirect_uri", settings.redirectUri().toString())
                .addQueryParameter("state", state)
                .build();
        return URI.create(url.toString());
    }

    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri) {
        if (code == null || code.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "authorization code is required");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "authorization code is not a Kakao code");
        }
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("client_id", settings.clientId())
                .add("redirect_uri", redirectUriFor(redirectUri))
                .add("code", code);
        if (settings.clientSecret() != null) {
            form.add("client_secret", settings.clientSecret());
        }
        Request request = new Request.Builder()
                .url(tokenUrl)
                .header("Accept", "application/json")
                .post(withCharset(form.build()))
                .build();
        String accessToken = KakaoResponses.accessToken(http.call(request, Endpoint.TOKEN));
        return userMe(accessToken);
    }

    @Override
    public ProviderProfile profileFromAccessToken(String accessToken) {
        if (!settings.tokenLoginEnabled()) {
            // Without our app id we cannot tell our tokens from any other Kakao app's, so never ask.
            throw new DomainException(ErrorCode.INVALID_REQUEST,
                    "login with a Kakao access token is disabled: KAKAO_APP_ID is not configured");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "access token is required");
        }
        if (!TOKEN_SHAPE.matcher(accessToken).matches()) {
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "access token is not a Kakao token");
        }
        JsonNode info = http.call(bearer(tokenInfoUrl, accessToken), Endpoint.ACCESS_TOKEN_INFO);
        long appId = KakaoResponses.appId(info);
        if (appId != settings.appId()) {
            // App ids are public numbers, safe to log; the token is not.
            log.warn("Refused a Kakao access token issued to another app (app_id {}, ours {})", appId, settings.appId());
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "Kakao access token was issued to another app");
        }
        return userMe(accessToken);
    }

    private ProviderProfile userMe(String accessToken) {
        return KakaoResponses.profile(http.call(bearer(userMeUrl, accessToken), Endpoint.USER_ME));
    }

    private static Request bearer(HttpUrl url, String accessToken) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .get()
                .build();
    }

    private String redirectUriFor(String given) {
        if (given == null || given.isBlank()) {
            return settings.redirectUri().toString();
        }
        // Kakao compares it with the registered ones (KOE303/KOE006); we only make sure it is a URI.
        try {
            URI uri = new URI(given.strip());
            if (!uri.isAbsolute()) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "redirectUri must be an absolute URI");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "redirectUri must be an absolute URI");
        }
    }

    private static RequestBody withCharset(FormBody form) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return FORM_UTF8;
            }

            @Override
            public long contentLength() {
                return form.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                form.writeTo(sink);
            }
        };
    }

    OkHttpClient client() {
        return http.client();
    }
}
