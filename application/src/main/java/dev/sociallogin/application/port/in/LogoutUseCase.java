package dev.sociallogin.application.port.in;

/**
 * LOCAL is idempotent and succeeds with no or bad tokens. OTHERS and GLOBAL need a valid token
 * (access or refresh) identifying the user, else TOKEN_MISSING / TOKEN_NOT_VALID / ...
 */
public interface LogoutUseCase {
    void logout(LogoutCommand command);
}
