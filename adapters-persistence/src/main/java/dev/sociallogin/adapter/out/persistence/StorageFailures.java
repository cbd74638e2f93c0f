package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
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
