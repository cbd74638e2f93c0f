package dev.sociallogin.domain.error;

import java.util.Objects;

/**
 * The one unchecked exception family of the core. Its message is meant for logs and must never
 * carry a token, a provider code, a secret or SQL; the web adapter shows clients only the code.
 */
public final class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public DomainException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
