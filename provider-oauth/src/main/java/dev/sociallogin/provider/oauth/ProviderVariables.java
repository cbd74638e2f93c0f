package dev.sociallogin.provider.oauth;

import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A provider's configuration variables by the project's convention: {@code <PREFIX>_CLIENT_ID}
 * (unset: the provider is off), {@code <PREFIX>_CLIENT_SECRET}, {@code <PREFIX>_REDIRECT_URI}
 * (default {@code http://localhost:8080/auth/<name>/callback}), base URLs and scopes. Every refusal
 * is an {@link InvalidSettingException} naming the variable, never its value. The static checks
 * serve settings records' compact constructors ({@link IllegalArgumentException}s starting with the
 * variable's name).
 */
public final class ProviderVariables {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final SettingsSource source;
    private final String prefix;
    private final ProviderName provider;

    /** @param prefix the variables' prefix, {@code KAKAO} for {@code KAKAO_CLIENT_ID} */
    public ProviderVariables(Function<String, String> variables, String prefix, ProviderName provider) {
        this.source = new SettingsSource(variables);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The provider's variables under its upper-case name ({@code naver} → {@code NAVER_*}). */
    public static ProviderVariables of(Function<String, String> variables, ProviderName provider) {
        return new ProviderVariables(variables, provider.value().toUpperCase(Locale.ROOT), provider);
    }

    /** {@code <PREFIX>_<suffix>}. */
    public String name(String suffix) {
        return prefix + "_" + suffix;
    }

    public SettingsSource source() {
        return source;
    }

    /** {@code <PREFIX>_CLIENT_ID}; empty when unset (the provider is not enabled). */
    public Optional<String> clientId() {
        return key(name("CLIENT_ID"));
    }

    /** {@code <PREFIX>_CLIENT_SECRET}, or empty. */
    public Optional<String> clientSecret() {
        return key(name("CLIENT_SECRET"));
    }

    /** {@code <PREFIX>_CLIENT_SECRET}, refused when unset. */
    public String requiredClientSecret() {
        return clientSecret().orElseThrow(() -> new InvalidSettingException(name("CLIENT_SECRET"), "is required when " + name("CLIENT_ID") + " is set"));
    }

    /** {@code <PREFIX>_REDIRECT_URI}, by default {@code http://localhost:8080/auth/<name>/callback}. */
    public URI redirectUri() {
        return source.httpUrl(name("REDIRECT_URI"), "http://localhost:8080/auth/" + provider.value() + "/callback");
    }

    /** {@code <PREFIX>_<suffix>} as a base URL (absolute http(s), no query or fragment). */
    public URI baseUrl(String suffix, String fallback) {
        return source.baseUrl(name(suffix), fallback);
    }

    /** {@code <PREFIX>_SCOPES}: space- or comma-separated scope tokens (visible ASCII but {@code "} and {@code \}). */
    public List<String> scopes(String fallback) {
        String text = source.text(name("SCOPES"), fallback);
        List<String> scopes = Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        if (scopes.stream().anyMatch(s -> !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"))) {
            throw new InvalidSettingException(name("SCOPES"), "must be scope names separated by spaces");
        }
        return scopes;
    }

    private Optional<String> key(String variable) {
        Optional<String> value = source.optional(variable);
        if (value.isPresent() && hasSpaceOrControl(value.get())) {
            throw new InvalidSettingException(variable, "must be a value without spaces");
        }
        return value;
    }

    /** A non-blank client id or secret without spaces or control characters. */
    public static String checkKey(String value, String variable) {
        if (value == null || value.isBlank() || hasSpaceOrControl(value)) {
            // the value is deliberately not echoed: it may be a secret
            throw new IllegalArgumentException(variable + " must be a non-blank value without spaces");
        }
        return value;
    }

    /** An absolute http(s) URL with a host, without user info or fragment (a base URL also without query). */
    public static URI checkUrl(URI uri, String variable, boolean base) {
        Objects.requireNonNull(uri, variable);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null
                && uri.getRawFragment() == null && (!base || uri.getRawQuery() == null);
        if (!ok) {
            throw new IllegalArgumentException(variable + " must be an absolute http(s) URL" + (base ? " without query or fragment" : " without fragment"));
        }
        return uri;
    }

    /** {@code value}, or {@code fallback} when {@code null}; positive and at most five minutes. */
    public static Duration checkTimeout(Duration value, Duration fallback, String what) {
        Duration timeout = value == null ? fallback : value;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(what + " must be positive and at most 5 minutes");
        }
        return timeout;
    }

    private static boolean hasSpaceOrControl(String value) {
        return value.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }
}
