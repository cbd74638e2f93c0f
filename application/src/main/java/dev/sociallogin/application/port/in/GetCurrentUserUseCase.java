package dev.sociallogin.application.port.in;

/** The user behind an access token, rotating silently when only the access token has expired. */
public interface GetCurrentUserUseCase {
    CurrentUser currentUser(CurrentUserQuery query);
}
