package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.settings.InvalidSettingException;
import java.sql.SQLException;

/**
 * Turns a JDBC, Spring or pool failure into {@code STORAGE_UNAVAILABLE}. The driver's messages can
 * quote values (a duplicate key names the key), so only exception types, SQL states and vendor codes
 * travel into the message, and the original exception is not attached.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    static DomainException unavailable(String operation, Throwable cause) {
        return new DomainException(ErrorCode.STORAGE_UNAVAILABLE, "storage unavailable during " + operation + " (" + describe(cause) + ")");
    }

    /**
     * A database that cannot be reached, migrated or logged into at start: a refusal of the variable
     * to look at (the password when the server refused the login, SQLState 28xxx; the data directory
     * for the embedded database; else the URL), saying what failed without the URL or the password.
     */
    static InvalidSettingException atStartup(PersistenceSettings settings, String what, Throwable failure) {
        String detail = describe(failure);
        if (isLoginRefused(failure)) {
            return new InvalidSettingException(PersistenceSettings.AUTH_DB_PASSWORD,
                    "the database refused the login of AUTH_DB_USER with AUTH_DB_PASSWORD (" + detail + ")");
        }
        if (settings.isEmbedded()) {
            return new InvalidSettingException(PersistenceSettings.AUTH_DATA_DIR,
                    "the embedded database under AUTH_DATA_DIR cannot be " + what + " (" + detail + ")");
        }
        return new InvalidSettingException(PersistenceSettings.AUTH_DB_URL, "the database cannot be " + what + " (" + detail + ")");
    }

    private static boolean isLoginRefused(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++, current = current.getCause()) {
            if (current instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    /** Exception types down the cause chain with SQL state and vendor code; never a message. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 6; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            if (current instanceof SQLException sql) {
                text.append(" [SQLState ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode()).append(']');
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }
}
