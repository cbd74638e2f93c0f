package dev.sociallogin.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Builds the HikariCP pool with every wait bounded, so an unreachable database surfaces as
 * {@code STORAGE_UNAVAILABLE} within seconds instead of the pool's 30 s default, and the pool heals by
 * itself once the database answers again (broken connections are dropped and replaced on demand).
 */
public final class DataSourceFactory {

    /** How long a caller waits for a connection before giving up. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(2000);
    /** How long the liveness check of an idle connection may take. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(1000);
    /** TCP connect to the server (MySQL only). */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);
    /**
     * Longest silence on an open connection before the driver gives up on it (MySQL only). It must
     * exceed the lock wait below, the longest a healthy statement of ours can block.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofMillis(2500);
    static final int LOCK_WAIT_SECONDS = 2;

    private DataSourceFactory() {
    }

    /** A started pool; refused naming the variable to look at when the database cannot be reached now. */
    public static HikariDataSource create(PersistenceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("social-login-db");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        config.setUsername(settings.effectiveUser());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        config.setAutoCommit(true);
        // Row locks plus current reads are all the stores rely on; READ COMMITTED takes no gap locks,
        // which keeps concurrent logins, rotations and revocations from deadlocking one another.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (settings.isMySql()) {
            mysqlProperties(settings.jdbcUrl(), SOCKET_TIMEOUT).forEach((k, v) -> config.addDataSourceProperty((String) k, v));
            // UTC session clock for DEFAULT CURRENT_TIMESTAMP(6); a lock wait shorter than the socket timeout
            config.setConnectionInitSql("SET SESSION time_zone = '+00:00', SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw StorageFailures.atStartup(settings, "reached", e);
        }
    }

    /**
     * Driver properties for mysql-connector-j; a property the operator already set in the URL wins.
     *
     * @param socketTimeout longest silence on a connection before the driver drops it
     */
    static Properties mysqlProperties(String jdbcUrl, Duration socketTimeout) {
        Properties props = new Properties();
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        putUnlessInUrl(props, url, "connectTimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        putUnlessInUrl(props, url, "socketTimeout", Long.toString(socketTimeout.toMillis()));
        // connector-j maps UTF-8 to utf8mb4: 4-byte emoji nicknames survive the trip
        putUnlessInUrl(props, url, "characterEncoding", "UTF-8");
        putUnlessInUrl(props, url, "cachePrepStmts", "true");
        putUnlessInUrl(props, url, "prepStmtCacheSize", "250");
        putUnlessInUrl(props, url, "prepStmtCacheSqlLimit", "2048");
        // skip round trips for autocommit/isolation changes the driver already knows the state of
        putUnlessInUrl(props, url, "useLocalSessionState", "true");
        putUnlessInUrl(props, url, "tcpKeepAlive", "true");
        return props;
    }

    private static void putUnlessInUrl(Properties props, String lowerUrl, String key, String value) {
        if (!lowerUrl.contains(key.toLowerCase(Locale.ROOT) + "=")) {
            props.setProperty(key, value);
        }
    }
}
