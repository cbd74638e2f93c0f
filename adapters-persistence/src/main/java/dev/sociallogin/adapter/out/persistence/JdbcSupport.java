package dev.sociallogin.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every store shares: a JdbcTemplate, transactions, the translation of every failure into
 * {@code STORAGE_UNAVAILABLE}, a bounded retry of transactions that lost a lock race, and the UTC
 * mapping of {@link Instant} to {@code DATETIME(6)}.
 */
final class JdbcSupport {

    /** A transaction chosen as a deadlock victim or timed out on a lock is tried again this often in all. */
    private static final int LOCK_ATTEMPTS = 3;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcSupport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Name the dialect up front: the default translator would open a connection to ask the
        // database its name, a second wait on the pool exactly when the database is unreachable.
        this.jdbc.setExceptionTranslator(SqlDialectErrors.translator(isH2(dataSource)));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private static boolean isH2(DataSource dataSource) {
        String url = dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        return url != null && url.startsWith("jdbc:h2:");
    }

    /** Runs a statement (or a few) outside a transaction. */
    <T> T call(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException | TransactionException e) {
            throw StorageFailures.unavailable(operation, e);
        }
    }

    /** Runs {@code work} in one transaction, again when it lost a lock race, translating failures. */
    <T> T inTransaction(String operation, TransactionCallback<T> work) {
        return inTransaction(operation, work, null);
    }

    /**
     * Like {@link #inTransaction(String, TransactionCallback)}, but a failure of type
     * {@code passThrough} (after the rollback) reaches the caller untranslated, for it to decide.
     */
    <T> T inTransaction(String operation, TransactionCallback<T> work, Class<? extends DataAccessException> passThrough) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(work);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw StorageFailures.unavailable(operation, e);
                }
            } catch (DataAccessException e) {
                if (passThrough != null && passThrough.isInstance(e)) {
                    throw e;
                }
                throw StorageFailures.unavailable(operation, e);
            } catch (TransactionException e) {
                throw StorageFailures.unavailable(operation, e);
            }
        }
    }

    /**
     * The instant as a UTC {@code DATETIME(6)} literal; {@code null} stays {@code null}. A string, not a
     * {@link LocalDateTime}: mysql-connector-j reads MariaDB 10.x's "5.5.5-" version prefix as a server
     * without fractional seconds and would silently drop them from temporal parameters.
     */
    static String toDb(Instant instant) {
        return instant == null ? null : toDb(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static String toDb(LocalDateTime utc) {
        return utc == null ? null : DATETIME.format(utc.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * A string parameter that may be {@code null}, typed: for an untyped {@code null} Spring asks the
     * driver for the statement's parameter metadata on every execution (work under the connection's
     * lock in mysql-connector-j); a typed null goes straight to {@code setNull}.
     */
    static Object nullable(String value) {
        return value == null ? NULL_STRING : value;
    }

    private static final SqlParameterValue NULL_STRING = new SqlParameterValue(Types.VARCHAR, null);

    /** What the database keeps of an instant: microseconds. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
