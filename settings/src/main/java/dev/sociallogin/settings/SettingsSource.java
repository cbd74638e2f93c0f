package dev.sociallogin.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reading of configuration variables from a raw source (bootstrap merges environment
 * variables and JVM system properties into one; tests pass a map). Each module reads its own
 * variables through this and validates them once; a value that cannot be used is an
 * {@link InvalidSettingException} naming the variable, never repeating the value.
 *
 * <p>An empty or blank value counts as unset. Values are stripped of surrounding whitespace, except
 * through {@link #secret}, which takes a secret exactly as given.
 */
public final class SettingsSource {

    private final Function<String, String> raw;

    public SettingsSource(Function<String, String> raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /** A source over a fixed map (tests, the self-test). */
    public static SettingsSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new SettingsSource(copy::get);
    }

    /** The raw function, for handing to a module's {@code from(Function<String, String>)}. */
    public Function<String, String> asFunction() {
        return raw;
    }

    /** The stripped value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = raw.apply(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** The value exactly as given (no stripping), or empty when unset or empty. */
    public Optional<String> secret(String name) {
        String value = raw.apply(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean bool(String name, boolean fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidSettingException(name, "must be true or false");
        }
    }

    /** A TCP port, 0-65535 (0: any free port). */
    public int port(String name, int fallback) {
        return integer(name, fallback, 0, 65535, "not a TCP port number (0-65535)");
    }

    /** A decimal integer within {@code [min, max]}. */
    public int integer(String name, int fallback, int min, int max, String reason) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, reason);
    }

    /** An ISO-8601 duration ({@code PT5H}, {@code P7D}) of at least {@code minimum}. */
    public Duration duration(String name, String fallback, Duration minimum) {
        String value = text(name, fallback);
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(name, "not an ISO-8601 duration (examples: PT5H, P7D, PT10S)");
        }
        if (duration.compareTo(minimum) < 0) {
            throw new InvalidSettingException(name, minimum.isZero() ? "must not be negative" : "must be at least " + minimum);
        }
        return duration;
    }

    public Path path(String name, String fallback) {
        String value = text(name, fallback);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(name, "not a usable path");
        }
    }

    /**
     * An absolute {@code http(s)} URL with a host and neither user info nor fragment (a base URL
     * also without query), from the variable or else from {@code fallback}.
     */
    public URI httpUrl(String name, String fallback) {
        return httpUrl(name, text(name, fallback), false);
    }

    /** Like {@link #httpUrl(String, String)} for a base URL: no query either. */
    public URI baseUrl(String name, String fallback) {
        return httpUrl(name, text(name, fallback), true);
    }

    /** The URL when set, checked like {@link #httpUrl(String, String)}. */
    public Optional<URI> optionalHttpUrl(String name) {
        return optional(name).map(value -> httpUrl(name, value, false));
    }

    /** The comma-separated, stripped, non-empty items; empty when unset. */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        optional(name).ifPresent(value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        });
        return List.copyOf(items);
    }

    /** The comma-separated list, each entry checked like {@link #httpUrl(String, String)}; empty when unset. */
    public List<URI> httpUrlList(String name) {
        List<URI> urls = new ArrayList<>();
        for (String item : list(name)) {
            urls.add(httpUrl(name, item, false));
        }
        return List.copyOf(urls);
    }

    /**
     * One of {@code words} (compared ignoring case), answered as written in {@code words}; unset:
     * {@code fallback}.
     */
    public String oneOf(String name, String fallback, List<String> words) {
        String value = text(name, fallback);
        for (String word : words) {
            if (word.equalsIgnoreCase(value)) {
                return word;
            }
        }
        throw new InvalidSettingException(name, "must be one of " + String.join(", ", words));
    }

    private static URI httpUrl(String name, String value, boolean base) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(name, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawUserInfo() == null && uri.getRawFragment() == null && (!base || uri.getRawQuery() == null);
        if (!ok) {
            throw new InvalidSettingException(name, "must be an absolute http(s) URL" + (base ? " without query or fragment" : " without fragment"));
        }
        return uri;
    }
}
