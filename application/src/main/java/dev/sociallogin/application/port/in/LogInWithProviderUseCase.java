package dev.sociallogin.application.port.in;

/**
 * Logs a user in through a provider, registering them on their first login (exactly one user per
 * provider account, also under concurrent first logins), updating lastLogin, issuing a new token
 * pair in a new rotation family.
 */
public interface LogInWithProviderUseCase {
    LoginResult logIn(LogInCommand command);
}
