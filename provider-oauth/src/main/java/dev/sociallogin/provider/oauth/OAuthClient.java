package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OAuth 2.0 client registration at a provider (RFC 6749 authorization-code grant): the
 * authorize URL for a login flow ({@code state}, PKCE S256 where the provider takes it, any extra
 * parameter such as an OpenID Connect {@code nonce}) and the code exchange (form POST, client
 * authentication by HTTP Basic or in the body, the flow's code verifier, error classification).
 */
public final class OAuthClient {

    private static final Logger log = LoggerFactory.getLogger(OAuthClient.class);
    /** Providers such as Kakao document the charset on the token request; OkHttp's FormBody would omit it. */
    private static final MediaType FORM_UTF8 = MediaType.get("application/x-www-form-urlencoded;charset=utf-8");
    private static final int MAX_CODE_LENGTH = 4096;

    /** How the client proves itself at the token endpoint (without a secret: neither, a public client). */
    public enum ClientAuthentication { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST }

    /**
     * A client registration.
     *
     * @param clientSecret {@code null} for a client without one (then only {@code client_id} is sent)
     * @param scopes       sent space-separated; empty: no {@code scope} parameter
     * @param pkce         whether to send the flow's PKCE S256 challenge and code verifier
     */
    public record Registration(String provider, String clientId, String clientSecret, ClientAuthentication authentication,
                               URI redirectUri, URI authorizationEndpoint, URI tokenEndpoint, List<String> scopes, boolean pkce) {
        public Registration {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(authentication, "authentication");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Registration[provider=" + provider + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "<unset>" : "<set>") + ", authentication=" + authentication + ", redirectUri="
                    + redirectUri + ", authorizationEndpoint=" + authorizationEndpoint + ", tokenEndpoint=" + tokenEndpoint
                    + ", scopes=" + scopes + ", pkce=" + pkce + "]";
        }
    }

    private final Registration registration;
    private final ProviderHttp http;
    private final HttpErrors tokenErrors;
    private final HttpUrl authorizeUrl;
    private final HttpUrl tokenUrl;

    /** @param tokenErrors how the token endpoint's errors read (often {@link ProviderErrors#oauth}) */
    public OAuthClient(Registration registration, ProviderHttp http, HttpErrors tokenErrors) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.http = Objects.requireNonNull(http, "http");
        this.tokenErrors = Objects.requireNonNull(tokenErrors, "tokenErrors");
        this.authorizeUrl = HttpUrl.get(registration.authorizationEndpoint().toString());
        this.tokenUrl = HttpUrl.get(registration.tokenEndpoint().toString());
    }

    public Registration registration() {
        return registration;
    }

    /**
     * The authorize URL: {@code response_type=code}, {@code client_id}, {@code redirect_uri},
     * {@code scope} (when any), the flow's {@code state}, its PKCE S256 challenge (when the
     * registration uses PKCE), then {@code extra} in order. Each value is percent-encoded on its
     * own, so a value holding {@code &}, {@code =} or {@code /} stays one parameter.
     */
    public URI authorizationUrl(LoginFlow flow, Map<String, String> extra) {
        Objects.requireNonNull(flow, "flow");
        HttpUrl.Builder url = authorizeUrl.newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", registration.clientId())
                .addQueryParameter("redirect_uri", registration.redirectUri().toString());
        if (!registration.scopes().isEmpty()) {
            url.addQueryParameter("scope", String.join(" ", registration.scopes()));
        }
        url.addQueryParameter("state", flow.state());
        if (registration.pkce()) {
            url.addQueryParameter("code_challenge", s256(flow.codeVerifier())).addQueryParameter("code_challenge_method", "S256");
        }
        extra.forEach(url::addQueryParameter);
        return URI.create(url.build().toString());
    }

    /**
     * Exchanges {@code code} at the token endpoint and answers the token response (a JSON object
     * without {@code error}). A 200 answer carrying {@code error} (some providers answer errors so)
     * is an error like any other. A blank code is {@code INVALID_REQUEST} and an absurdly long one
     * {@code PROVIDER_REJECTED}, both without calling the provider.
     *
     * @param redirectUri the redirect URI the code was issued for, or {@code null} for the registered one
     * @param flow        the browser flow (its code verifier is sent when the registration uses PKCE), or {@code null}
     * @param extraForm   further form fields a provider wants (Naver: {@code state}), in order
     */
    public JsonNode exchange(String code, String redirectUri, LoginFlow flow, Map<String, String> extraForm) {
        if (code == null || code.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "authorization code is required");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw ProviderErrors.rejected("authorization code is not a " + registration.provider() + " code");
        }
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("client_id", registration.clientId())
                .add("redirect_uri", redirectUriFor(redirectUri))
                .add("code", code);
        Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
        if (registration.clientSecret() != null) {
            if (registration.authentication() == ClientAuthentication.CLIENT_SECRET_POST) {
                form.add("client_secret", registration.clientSecret());
            } else {
                request.header("Authorization", basic(registration.clientId(), registration.clientSecret()));
            }
        }
        if (registration.pkce() && flow != null) {
            form.add("code_verifier", flow.codeVerifier());
        }
        extraForm.forEach(form::add);
        byte[] body = formBytes(form.build());
        JsonNode answer = http.call(request.post(RequestBody.create(body, FORM_UTF8)).build(), "token endpoint", tokenErrors);
        if (JsonFields.text(answer, "error") != null) {
            throw tokenErrors.from(200, answer);
        }
        return answer;
    }

    /** {@code access_token} of a token response; {@code PROVIDER_UNAVAILABLE} when missing. */
    public String accessToken(JsonNode tokenResponse) {
        String token = JsonFields.text(tokenResponse, "access_token");
        if (token == null) {
            log.warn("{} token endpoint answered 200 without an access_token", registration.provider());
            throw ProviderErrors.unavailable(registration.provider() + " token endpoint answered without an access_token");
        }
        return token;
    }

    /** The PKCE S256 challenge of a code verifier (RFC 7636 §4.2): base64url(SHA-256(ASCII(verifier))). */
    public static String s256(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private String redirectUriFor(String given) {
        if (given == null || given.isBlank()) {
            return registration.redirectUri().toString();
        }
        // the provider compares it with the registered ones; we only make sure it is an absolute URI
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

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded. */
    private static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] formBytes(FormBody form) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            form.writeTo(buffer);
        } catch (java.io.IOException e) {
            // writing to an in-memory buffer does not fail
            throw new IllegalStateException(e);
        }
        return buffer.readByteArray();
    }
}
