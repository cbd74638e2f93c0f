package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.port.out.IdentityProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scriptable {@link IdentityProvider}: answers the profile scripted for a code or an access
 * token, {@code PROVIDER_REJECTED} for anything unscripted (as a real provider refuses an unknown
 * code), or the configured failure for every call. Records each call; thread-safe.
 */
public final class FakeIdentityProvider implements IdentityProvider {

    /** Where the fake sends browsers; the state is appended as a query parameter. */
    public static final String AUTHORIZE_BASE = "https://idp.example.test/";

    /**
     * One recorded call. {@code credential} is the code or access token (test data, not secret);
     * {@code flow} the login flow the call carried (authorize and a browser callback's code), else {@code null}.
     */
    public record Call(Kind kind, String credential, String redirectUri, LoginFlow flow) {
        public enum Kind { AUTHORIZATION_URL, CODE, ACCESS_TOKEN }

        /** A call without a flow. */
        public Call(Kind kind, String credential, String redirectUri) {
            this(kind, credential, redirectUri, null);
        }
    }

    private final ProviderName name;
    private final Map<String, ProviderProfile> byCode = new ConcurrentHashMap<>();
    private final Map<String, ProviderProfile> byAccessToken = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile ErrorCode failure;

    public FakeIdentityProvider() {
        this(ProviderName.KAKAO);
    }

    public FakeIdentityProvider(ProviderName name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Scripts {@code code} (any redirect URI) to answer {@code profile}; returns this. */
    public FakeIdentityProvider givenCode(String code, ProviderProfile profile) {
        byCode.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(profile, "profile"));
        return this;
    }

    /** Scripts a provider access token to answer {@code profile}; returns this. */
    public FakeIdentityProvider givenAccessToken(String accessToken, ProviderProfile profile) {
        byAccessToken.put(Objects.requireNonNull(accessToken, "accessToken"), Objects.requireNonNull(profile, "profile"));
        return this;
    }

    /**
     * Makes every profile call fail with {@code code} (e.g. {@code PROVIDER_UNAVAILABLE});
     * {@code null} restores the scripted answers.
     */
    public void failWith(ErrorCode code) {
        this.failure = code;
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** How many profile calls (by code or by access token) were made. */
    public long profileCalls() {
        return calls.stream().filter(c -> c.kind() != Call.Kind.AUTHORIZATION_URL).count();
    }

    @Override
    public ProviderName name() {
        return name;
    }

    @Override
    public URI authorizationUrl(LoginFlow flow) {
        calls.add(new Call(Call.Kind.AUTHORIZATION_URL, null, null, flow));
        return URI.create(AUTHORIZE_BASE + name.value() + "/authorize?state="
                + URLEncoder.encode(Objects.requireNonNull(flow, "flow").state(), StandardCharsets.UTF_8));
    }

    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
        calls.add(new Call(Call.Kind.CODE, code, redirectUri, flow));
        return answer(code == null ? null : byCode.get(code));
    }

    @Override
    public ProviderProfile profileFromAccessToken(String accessToken) {
        calls.add(new Call(Call.Kind.ACCESS_TOKEN, accessToken, null));
        return answer(accessToken == null ? null : byAccessToken.get(accessToken));
    }

    private ProviderProfile answer(ProviderProfile scripted) {
        ErrorCode failing = failure;
        if (failing != null) {
            throw new DomainException(failing, "provider call failed (simulated)");
        }
        if (scripted == null) {
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "provider refused the credential (simulated)");
        }
        return scripted;
    }
}
