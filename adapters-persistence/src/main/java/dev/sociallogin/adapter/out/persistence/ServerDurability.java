package dev.sociallogin.adapter.out.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start when the MySQL/MariaDB server would lose committed transactions in its own crash.
 * A 200 is answered after the commit returns; the server, not the service, decides whether that
 * commit is on disk. The operator sets these options (docs/reliability.md); the service can only
 * point at them.
 */
final class ServerDurability {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDurability.class);

    private ServerDurability() {
    }

    /** Logs a warning per server setting that lets a server crash lose acknowledged writes. */
    static void warnIfRelaxed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")) {
            if (!rs.next()) {
                return;
            }
            String flush = rs.getString(1);
            if (!"1".equals(flush)) {
                LOG.warn("The database server runs with innodb_flush_log_at_trx_commit={}: a crash of the server (not of"
                        + " this service) or of its machine can lose the last second of logins and rotations already"
                        + " answered; set it to 1", flush);
            }
            if ("1".equals(rs.getString(2)) && !"1".equals(rs.getString(3))) {
                LOG.warn("The database server writes a binary log with sync_binlog={}: after a crash of its machine a"
                        + " replica or a point-in-time restore can miss answered writes; set it to 1", rs.getString(3));
            }
        } catch (SQLException e) {
            // a server without these variables (or without the right to read them): nothing to say
            LOG.debug("server durability settings not readable ({})", e.getSQLState());
        }
    }
}
