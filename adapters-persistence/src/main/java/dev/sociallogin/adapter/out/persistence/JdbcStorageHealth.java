package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.StorageHealth;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrows a connection and asks the driver whether it is alive; bounded by the pool's timeouts. */
public final class JdbcStorageHealth implements StorageHealth {

    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public JdbcStorageHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
