package dev.sociallogin.adapter.out.persistence;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}. */
public final class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    /**
     * Migrations run on their own connections with a patient socket timeout: Flyway waits up to 10 s
     * for its MySQL named lock while another instance migrates, longer than the pool lets a statement run.
     */
    private static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofSeconds(120);

    private SchemaMigration() {
    }

    /**
     * Applies pending migrations; returns how many ran. A database that cannot be reached, logged into
     * or migrated is refused naming the variable to look at.
     */
    public static int migrate(PersistenceSettings settings) {
        if (settings.isEmbedded()) {
            try {
                // owner-only where it is new: it holds every user and refresh token (an existing
                // directory keeps the permissions its operator gave it)
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(settings.dataDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(settings.dataDir());
                }
            } catch (IOException e) {
                throw StorageFailures.atStartup(settings, "created", e);
            }
            // new files are created owner-only (OwnerOnlyFilePath); older versions left them readable
            OwnerOnlyFilePath.restrictExisting(settings.dataDir(), PersistenceSettings.EMBEDDED_DB_NAME);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.effectiveJdbcUrl(), settings.effectiveUser(), settings.password());
        if (settings.isMySql()) {
            Properties props = DataSourceFactory.mysqlProperties(settings.jdbcUrl(), MIGRATION_SOCKET_TIMEOUT);
            props.setProperty("user", settings.effectiveUser());
            props.setProperty("password", settings.password());
            dataSource.setConnectionProperties(props);
        }
        try {
            return migrate(dataSource);
        } catch (StartupMigrationFailure e) {
            throw StorageFailures.atStartup(settings, "migrated", e.getCause());
        }
    }

    /** Applies pending migrations through {@code dataSource}; returns how many ran. */
    private static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .connectRetries(0)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StartupMigrationFailure(e);
        }
    }

    /** The migration failed; its cause says why (types, states, codes), its message nothing. */
    static final class StartupMigrationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupMigrationFailure(FlywayException cause) {
            super("database migration failed (" + StorageFailures.describe(cause) + ")", cause, false, false);
        }
    }
}
