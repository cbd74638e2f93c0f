package dev.sociallogin.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * The real MySQL-compatible server the {@code *IT} suites run against, from {@code AUTH_TEST_DB_URL},
 * {@code AUTH_TEST_DB_USER}, {@code AUTH_TEST_DB_PASSWORD}. Unreachable: with {@code CI=true} the
 * suite fails, elsewhere it is skipped with a message saying why.
 */
final class MariaDb {

    static final String URL = env("AUTH_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/social_login_test");
    static final String USER = env("AUTH_TEST_DB_USER", "social_login");
    static final String PASSWORD = env("AUTH_TEST_DB_PASSWORD", "social_login_ci_pw");

    private static volatile boolean migrated;

    private MariaDb() {
    }

    /** Settings for the test server, migrated once per JVM; fails or skips when it is unreachable. */
    static PersistenceSettings settings() {
        return settings(URL, 4);
    }

    static PersistenceSettings settings(String url, int poolSize) {
        requireReachable();
        PersistenceSettings settings = new PersistenceSettings(url, USER, PASSWORD, null, poolSize);
        if (!migrated) {
            synchronized (MariaDb.class) {
                if (!migrated) {
                    SchemaMigration.migrate(new PersistenceSettings(URL, USER, PASSWORD, null, 1));
                    migrated = true;
                }
            }
        }
        return settings;
    }

    /** Why the server is unreachable, once found out; {@code ""} when it answered. */
    private static volatile String unreachable;

    static void requireReachable() {
        if (unreachable == null) {
            unreachable = probe();
            if (!unreachable.isEmpty()) {
                LoggerFactory.getLogger(MariaDb.class).warn("{}", unreachable);
            }
        }
        if (unreachable.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: " + unreachable);
        }
        Assumptions.abort("skipped: " + unreachable);
    }

    private static String probe() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2000");
        props.setProperty("socketTimeout", "5000");
        try (Connection ignored = DriverManager.getConnection(URL, props)) {
            return "";
        } catch (SQLException e) {
            return "MariaDB suites: MySQL-compatible test server unreachable at " + URL + " as " + USER
                    + " (" + StorageFailures.describe(e) + "); start MariaDB or set AUTH_TEST_DB_URL/USER/PASSWORD (see .ci/run)";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
