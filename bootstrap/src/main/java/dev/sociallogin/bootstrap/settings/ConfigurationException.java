package dev.sociallogin.bootstrap.settings;

import java.util.Objects;

/**
 * Start-up refused because of a configuration variable. The message names the variable and says
 * what is wrong; it never holds the variable's value (it may be a secret or a URL with a password).
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    public ConfigurationException(String variable, String problem) {
        this(variable, problem, null);
    }

    public ConfigurationException(String variable, String problem, Throwable cause) {
        super(Objects.requireNonNull(variable, "variable") + ": " + Objects.requireNonNull(problem, "problem"), cause, false, false);
        this.variable = variable;
    }

    /** The environment variable (or system property) at fault. */
    public String variable() {
        return variable;
    }
}
