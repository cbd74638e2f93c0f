package dev.sociallogin.adapter.out.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;

/**
 * Where the database is. {@code jdbcUrl} {@code null} or blank selects the embedded H2 file database
 * under {@code dataDir} (MySQL mode); a {@code jdbc:mysql://} URL selects MySQL or MariaDB through
 * mysql-connector-j; a {@code jdbc:h2:} URL is accepted for tests.
 *
 * @param user     may be {@code null} (empty); the embedded database then uses {@code sa}
 * @param password may be {@code null} (empty)
 * @param dataDir  required for the embedded database; ignored otherwise
 * @param maxPoolSize connections in the pool, at least 1
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, Path dataDir, int maxPoolSize) {

    public static final String AUTH_DB_URL = "AUTH_DB_URL";
    public static final String AUTH_DB_USER = "AUTH_DB_USER";
    public static final String AUTH_DB_PASSWORD = "AUTH_DB_PASSWORD";
    public static final String AUTH_DATA_DIR = "AUTH_DATA_DIR";
    public static final int DEFAULT_POOL_SIZE = 10;
    static final String EMBEDDED_DB_NAME = "social-login";

    public PersistenceSettings {
        jdbcUrl = jdbcUrl == null || jdbcUrl.isBlank() ? null : jdbcUrl.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (jdbcUrl == null) {
            Objects.requireNonNull(dataDir, "dataDir is required for the embedded database");
        } else {
            if (!isSupported(jdbcUrl)) {
                // never echo the URL: it may carry a password
                throw new IllegalArgumentException("AUTH_DB_URL must be a jdbc:mysql:// URL (or jdbc:h2: for tests)");
            }
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    public PersistenceSettings(String jdbcUrl, String user, String password, Path dataDir) {
        this(jdbcUrl, user, password, dataDir, DEFAULT_POOL_SIZE);
    }

    /**
     * The contract's variables: {@code AUTH_DB_URL} (unset: the embedded database), {@code
     * AUTH_DB_USER}, {@code AUTH_DB_PASSWORD} (taken as given), {@code AUTH_DATA_DIR} (default
     * {@code ./data}), read and checked once.
     *
     * @throws InvalidSettingException naming the variable whose value cannot be used (never the value:
     *                                 a URL may carry a password)
     */
    public static PersistenceSettings from(Function<String, String> variables) {
        SettingsSource source = new SettingsSource(variables);
        String url = source.optional(AUTH_DB_URL).orElse(null);
        if (url != null && !isSupported(url)) {
            throw new InvalidSettingException(AUTH_DB_URL, "not a supported JDBC URL (expected jdbc:mysql://host:3306/db, or jdbc:h2: for tests)");
        }
        return new PersistenceSettings(url, source.text(AUTH_DB_USER, ""), source.secret(AUTH_DB_PASSWORD).orElse(""),
                source.path(AUTH_DATA_DIR, "./data"), DEFAULT_POOL_SIZE);
    }

    private static boolean isSupported(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:h2:");
    }

    /** The embedded H2 file database under {@code dataDir}. */
    public static PersistenceSettings embedded(Path dataDir) {
        return new PersistenceSettings(null, null, null, dataDir, DEFAULT_POOL_SIZE);
    }

    public boolean isEmbedded() {
        return jdbcUrl == null;
    }

    boolean isMySql() {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:");
    }

    /** The URL the pool connects to: the configured one, or the embedded file database's. */
    String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_DB_NAME);
        return "jdbc:h2:" + OwnerOnlyFilePath.of(file) + ";" + H2_OPTIONS;
    }

    String effectiveUser() {
        return isEmbedded() && user.isEmpty() ? "sa" : user;
    }

    /**
     * MySQL mode with MySQL's lower-case identifiers; a bounded lock wait; the pool, not the JVM
     * shutdown hook, closes the database.
     *
     * <p>{@code WRITE_DELAY=0}: every commit writes its changes to the file (into the OS page cache,
     * without fsync) before it returns, so an answer sent after a commit survives {@code kill -9}.
     * H2's default (500 ms) only marks the commit in memory and leaves the write to a background
     * thread, so a killed process lost up to half a second of acknowledged logins and rotations, and
     * with them the ids it had handed out (docs/reliability.md). {@code TRACE_LEVEL_FILE=0}: no
     * {@code .trace.db} beside the database; its errors reach the adapter as exceptions anyway, and a
     * trace file would hold SQL with values.
     */
    static final String H2_OPTIONS = "MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "LOCK_TIMEOUT=5000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    @Override
    public String toString() {
        // the password stays out of logs; so does a URL that could embed one
        return "PersistenceSettings[" + (isEmbedded() ? "embedded H2 under " + dataDir : (isMySql() ? "MySQL" : "H2"))
                + ", user=" + effectiveUser() + ", pool=" + maxPoolSize + "]";
    }
}
