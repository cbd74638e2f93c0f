package dev.sociallogin.bootstrap.logging;

import dev.sociallogin.settings.SettingsSource;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code AUTH_LOG_FORMAT}: one line of text per event (the default), or one JSON object per line. */
public enum LogFormat {
    TEXT,
    JSON;

    public static final String AUTH_LOG_FORMAT = "AUTH_LOG_FORMAT";

    /** The configured format; a value that is neither is refused naming the variable. */
    public static LogFormat from(Function<String, String> variables) {
        String word = new SettingsSource(variables).oneOf(AUTH_LOG_FORMAT, "text", List.of("text", "json"));
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** For logging's own set-up, which runs before configuration is checked: anything unusable is text (start-up then refuses it). */
    static LogFormat lenient(Function<String, String> variables) {
        try {
            return from(variables);
        } catch (RuntimeException e) {
            return TEXT;
        }
    }
}
