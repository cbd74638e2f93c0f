package dev.sociallogin.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The MySQL/MariaDB test server of the end-to-end tests: AUTH_TEST_DB_URL / _USER / _PASSWORD (the
 * defaults are what {@code .ci/run} creates). Missing under CI=true fails the test; elsewhere skips it.
 */
final class TestDatabase {

    static final String URL = env("AUTH_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/social_login_test");
    static final String USER = env("AUTH_TEST_DB_USER", "social_login");
    static final String PASSWORD = env("AUTH_TEST_DB_PASSWORD", "social_login_ci_pw");

    private TestDatabase() {
    }

    /** Fails (CI=true) or skips the calling test when the server does not answer. */
    static void require() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "3000");
        try (Connection ignored = DriverManager.getConnection(URL, props)) {
            // reachable
        } catch (SQLException e) {
            String message = "MySQL/MariaDB test server not reachable at AUTH_TEST_DB_URL (" + e.getClass().getSimpleName() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true requires it (.ci/run starts it)");
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
