package dev.sociallogin.adapter.out.dev;

import dev.sociallogin.settings.SettingsSource;
import java.util.function.Function;

/**
 * Whether the {@code dev} provider is on: {@code AUTH_DEV_LOGIN}, default {@code false}. A value
 * that is not a boolean stops start-up naming the variable.
 */
public record DevSettings(boolean enabled) {

    public static final String AUTH_DEV_LOGIN = "AUTH_DEV_LOGIN";

    public static DevSettings from(Function<String, String> variables) {
        return new DevSettings(new SettingsSource(variables).bool(AUTH_DEV_LOGIN, false));
    }
}
