package dev.sociallogin.application.port.in;

/** Deletes expired refresh tokens and denylist entries (periodic task and operator command). */
public interface PurgeExpiredUseCase {
    PurgeResult purgeExpired();
}
