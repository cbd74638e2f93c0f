package dev.sociallogin.adapter.out.dev;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.port.out.HostedAuthorization;
import dev.sociallogin.domain.port.out.IdentityProvider;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code dev} provider: no outside service, the person at the keyboard says who they are. Its
 * authorize step is a form this service serves ({@link HostedAuthorization}) asking a name, a
 * nickname and an email; the submitted form becomes a sealed, short-lived, single-use code of that
 * identity bound to the flow's state ({@link DevCodes}), which the regular callback turns into the
 * profile: subject = the name, so the username is {@code dev_<name>}; the email counts as verified.
 * It exists for loopback clients only.
 */
public final class DevIdentityProvider implements IdentityProvider, HostedAuthorization {

    static final ProviderName DEV = new ProviderName("dev");
    /** What a subject and a username allow, kept simple: {@code dev_} + up to 32 of these. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int MAX_NICKNAME = 64;

    private final DevCodes codes;

    public DevIdentityProvider(Clock clock) {
        this(new DevCodes(clock));
    }

    DevIdentityProvider(DevCodes codes) {
        this.codes = codes;
    }

    @Override
    public ProviderName name() {
        return DEV;
    }

    /** Never a redirect: the authorize step is {@link #page}. */
    @Override
    public URI authorizationUrl(LoginFlow flow) {
        return URI.create("/auth/dev/authorize");
    }

    @Override
    public boolean loopbackOnly() {
        return true;
    }

    @Override
    public Optional<HostedAuthorization> hostedAuthorization() {
        return Optional.of(this);
    }

    @Override
    public String page(LoginFlow flow) {
        return DevLoginPage.render(flow.state());
    }

    @Override
    public String code(Map<String, String> fields, LoginFlow flow) {
        String name = strip(fields.get("name"));
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("name must be 1-32 letters, digits, '.', '_' or '-'");
        }
        String nickname = strip(fields.get("nickname"));
        if (nickname == null || nickname.isEmpty()) {
            nickname = name;
        }
        if (nickname.length() > MAX_NICKNAME) {
            throw invalid("nickname too long");
        }
        String email = strip(fields.get("email"));
        if (email != null && email.isEmpty()) {
            email = null;
        }
        if (email != null && !Email.isValid(email)) {
            throw invalid("not an email address");
        }
        return codes.seal(new DevCodes.Identity(name, nickname, email), flow.state());
    }

    /** Only the browser flow the code was made in: a code alone (the {@code /login} form) is refused. */
    @Override
    public ProviderProfile profileFromCode(String code, String redirectUri, LoginFlow flow) {
        if (flow == null) {
            throw new DomainException(ErrorCode.PROVIDER_REJECTED, "a dev code is good only in its browser flow");
        }
        DevCodes.Identity identity = codes.open(code, flow.state());
        return new ProviderProfile(new SocialIdentity(DEV, identity.name()),
                identity.email() == null ? null : new Email(identity.email()), identity.email() != null,
                Nickname.of(identity.nickname()));
    }

    @Override
    public ProviderProfile profileFromAccessToken(String accessToken) {
        throw invalid("the dev provider issues no access tokens");
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static DomainException invalid(String why) {
        return new DomainException(ErrorCode.INVALID_REQUEST, why);
    }
}
