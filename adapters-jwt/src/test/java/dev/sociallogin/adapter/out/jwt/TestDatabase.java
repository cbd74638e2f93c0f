package dev.sociallogin.adapter.out.jwt;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.adapter.out.persistence.SchemaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The MySQL-compatible test server, as the persistence adapter's suites find it: {@code AUTH_TEST_DB_URL},
 * {@code AUTH_TEST_DB_USER}, {@code AUTH_TEST_DB_PASSWORD}. Unreachable: fails with {@code CI=true},
 * is skipped elsewhere.
 */
final class TestDatabase {

    static final String URL = env("AUTH_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/social_login_test");
    static final String USER = env("AUTH_TEST_DB_USER", "social_login");
    static final String PASSWORD = env("AUTH_TEST_DB_PASSWORD", "social_login_ci_pw");

    private static volatile boolean migrated;

    private TestDatabase() {
    }

    /** Settings for a small pool on the test server, migrated once per JVM. */
    static PersistenceSettings settings() {
        requireReachable();
        if (!migrated) {
            synchronized (TestDatabase.class) {
                if (!migrated) {
                    SchemaMigration.migrate(new PersistenceSettings(URL, USER, PASSWORD, null, 1));
                    migrated = true;
                }
            }
        }
        return new PersistenceSettings(URL, USER, PASSWORD, null, 2);
    }

    private static void requireReachable() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2000");
        try (Connection ignored = DriverManager.getConnection(URL, props)) {
            return;
        } catch (SQLException e) {
            String why = "MySQL-compatible test server unreachable at " + URL + " (SQLState " + e.getSQLState() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: " + why);
            }
            Assumptions.abort("skipped: " + why);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
