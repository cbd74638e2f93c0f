package dev.sociallogin.adapter.in.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code capacity} per {@code window}
 * (one every {@code window / capacity}). Written {@code 30/5m}: 30 per five minutes.
 */
record RateLimit(long capacity, Duration window) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,7})/(\\d{1,5})?([smhd])");
    static final long MAX_CAPACITY = 1_000_000;
    static final Duration MAX_WINDOW = Duration.ofDays(1);

    RateLimit {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1-" + MAX_CAPACITY);
        }
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be 1 s to 1 day");
        }
    }

    /** {@code N/W} with W a count and unit ({@code 5m}, {@code 30s}, {@code 1h}, {@code 1d}; a bare unit is one), or {@code off} (empty). */
    static Optional<RateLimit> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be off or requests/window such as 30/5m (s, m, h or d)");
        }
        long amount = matcher.group(2) == null ? 1 : Long.parseLong(matcher.group(2));
        Duration unit = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return Optional.of(new RateLimit(Long.parseLong(matcher.group(1)), unit.multipliedBy(amount)));
    }

    @Override
    public String toString() {
        return capacity + "/" + window.toSeconds() + "s";
    }
}
