package dev.sociallogin.settings;

import java.util.Objects;

/**
 * A configuration variable whose value cannot be used. It carries the variable's name as a field,
 * so whoever reports it (bootstrap's one-line refusal) never has to parse a message, and it never
 * carries the value: a value may be a secret or a URL with a password in it.
 */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String reason;

    public InvalidSettingException(String variable, String reason) {
        this(variable, reason, null);
    }

    public InvalidSettingException(String variable, String reason, Throwable cause) {
        super(Objects.requireNonNull(variable, "variable") + ": " + Objects.requireNonNull(reason, "reason"), cause);
        this.variable = variable;
        this.reason = reason;
    }

    /** The variable's name, e.g. {@code AUTH_JWT_SECRET}. */
    public String variable() {
        return variable;
    }

    /** Why its value was refused, without the value. */
    public String reason() {
        return reason;
    }
}
