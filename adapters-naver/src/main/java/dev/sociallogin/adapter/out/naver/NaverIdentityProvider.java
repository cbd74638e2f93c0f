package dev.sociallogin.adapter.out.naver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.provider.oauth.HttpErrors;
import dev.sociallogin.provider.oauth.JsonFields;
import dev.sociallogin.provider.oauth.OAuthClient;
import dev.sociallogin.provider.oauth.OAuthClient.ClientAuthentication;
import dev.sociallogin.provider.oauth.OAuthProvider;
import dev.sociallogin.provider.oauth.ProviderErrors;
import dev.sociallogin.provider.oauth.ProviderHttp;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Naver Login (developers.naver.com, login API and profile API): authorize at
 * {@code /oauth2.0/authorize}, the code exchange at {@code /oauth2.0/token} with the client secret
 * in the form and the flow's {@code state} (Naver lists it among the token request's parameters),
 * the profile at {@code /v1/nid/me}. Naver's quirks: the token endpoint answers some errors with
 * HTTP 200 and an {@code error} field (the shared client treats those as errors), and uses
 * {@code invalid_request} for a code it does not know; the profile answer wraps the person in
 * {@code response} next to a {@code resultcode}. Naver says nothing about whether an email is
 * verified, so its email is never stored. Mobile login with a Naver access token is refused (the
 * base's default): Naver offers no way to tell which app a token was issued to.
 */
public final class NaverIdentityProvider extends OAuthProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(NaverIdentityProvider.class);
    private static final String NAVER = "Naver";

    private final HttpUrl profileUrl;

    public NaverIdentityProvider(NaverSettings settings) {
        this(settings, ProviderHttp.newClient(settings.connectTimeout(), settings.readTimeout()));
    }

    NaverIdentityProvider(NaverSettings settings, OkHttpClient client) {
        super(NaverSettings.NAVER, new ProviderHttp(NAVER, client), new OAuthClient.Registration(NAVER, settings.clientId(),
                settings.clientSecret(), ClientAuthentication.CLIENT_SECRET_POST, settings.redirectUri(),
                endpoint(settings.authBaseUrl(), "oauth2.0/authorize"), endpoint(settings.authBaseUrl(), "oauth2.0/token"), List.of(), false),
                NaverIdentityProvider::tokenError, settings);
        this.profileUrl = url(settings.apiBaseUrl(), "v1/nid/me");
    }

    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
        // Naver lists the authorize's state among the token request's parameters
        JsonNode tokens = oauth.exchange(code, redirectUri, flow, flow == null ? Map.of() : Map.of("state", flow.state()));
        JsonNode answer = http.getWithBearer(profileUrl, oauth.accessToken(tokens), "profile API", NaverIdentityProvider::profileError);
        if (!"00".equals(JsonFields.text(answer, "resultcode"))) {
            throw profileError(200, answer);
        }
        JsonNode person = JsonFields.object(answer, "response");
        String id = JsonFields.text(person, "id");
        if (id == null || !id.matches("[\\x21-\\x7E]{1,255}")) {
            log.warn("Naver profile API answered without a usable id");
            throw ProviderErrors.unavailable("Naver profile API answered without a usable id");
        }
        String email = JsonFields.text(person, "email");
        String nickname = JsonFields.text(person, "nickname");
        return new ProviderProfile(new SocialIdentity(name(), id), Email.isValid(email) ? new Email(email) : null, false,
                Nickname.of(nickname != null ? nickname : JsonFields.text(person, "name")));
    }

    /** Naver's token errors, with HTTP 200 as often as 4xx. */
    static DomainException tokenError(int status, JsonNode body) {
        String error = JsonFields.text(body, "error");
        if ("invalid_request".equals(error) || "unauthorized_client".equals(error) || "invalid_grant".equals(error)) {
            log.warn("Naver refused the authorization code (HTTP {}, {}): unknown, used or expired, or its state differs;"
                    + " when every login fails so, check NAVER_CLIENT_ID and NAVER_CLIENT_SECRET", status, error);
            return ProviderErrors.rejected("Naver refused the authorization code (" + error + ")");
        }
        return ProviderErrors.oauth(NAVER, "check NAVER_CLIENT_ID and NAVER_CLIENT_SECRET").from(status, body);
    }

    /** The profile API's {@code resultcode}: 024 the token refused, 403 our app lacks the permission, others Naver failing. */
    static DomainException profileError(int status, JsonNode body) {
        String resultCode = JsonFields.text(body, "resultcode");
        if ("024".equals(resultCode)) {
            log.info("Naver refused the access token (HTTP {}, resultcode 024)", status);
            return ProviderErrors.rejected("Naver refused the access token (024)");
        }
        if ("403".equals(resultCode) || status == 403) {
            return ProviderErrors.configuration(NAVER, "the profile API refused our app", status, "resultcode " + resultCode,
                    "check that the Naver app has the login API and the profile items enabled");
        }
        log.warn("Naver profile API failed (HTTP {}, resultcode {})", status, ProviderErrors.sanitize(resultCode));
        return ProviderErrors.unavailable("Naver profile API failed (HTTP " + status + ")");
    }
}
