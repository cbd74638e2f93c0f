package dev.sociallogin.adapter.out.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.domain.port.out.StorageHealth;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The persistence adapter assembled: migrates the schema, opens the pool, builds every storage port
 * on it and starts the denylist poll. {@link #close()} stops the poll and closes the pool (and with
 * it the embedded database).
 */
public final class Persistence implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final UserRepository users;
    private final JdbcRefreshTokenStore refreshTokens;
    private final JdbcAccessTokenDenylist denylist;
    private final JdbcStorageHealth health;

    private Persistence(HikariDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.users = new CachedUserRepository(new JdbcUserRepository(dataSource));
        this.refreshTokens = new JdbcRefreshTokenStore(dataSource);
        this.denylist = new JdbcAccessTokenDenylist(dataSource, clock);
        this.health = new JdbcStorageHealth(dataSource);
    }

    /**
     * Migrates, connects and starts. A database that cannot be reached, logged into or migrated now is
     * an {@link dev.sociallogin.settings.InvalidSettingException} naming the variable to look at
     * ({@code AUTH_DB_URL}, {@code AUTH_DB_PASSWORD} or, for the embedded database, {@code AUTH_DATA_DIR}).
     */
    public static Persistence open(PersistenceSettings settings, Clock clock) {
        SchemaMigration.migrate(settings);
        HikariDataSource dataSource = DataSourceFactory.create(settings);
        try {
            if (settings.isMySql()) {
                ServerDurability.warnIfRelaxed(dataSource);
            }
            Persistence persistence = new Persistence(dataSource, clock);
            persistence.denylist.start();
            return persistence;
        } catch (DomainException e) {
            dataSource.close();
            throw StorageFailures.atStartup(settings, "read", e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public UserRepository users() {
        return users;
    }

    public RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    public AccessTokenDenylist accessTokenDenylist() {
        return denylist;
    }

    public StorageHealth storageHealth() {
        return health;
    }

    /** The key ring's keys, on the same pool. */
    public SigningKeyStore signingKeys() {
        return new JdbcSigningKeyStore(dataSource);
    }

    /** The pool, for whoever needs plain JDBC next to the ports (benchmarks, operators' tools). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        denylist.close();
        dataSource.close();
    }
}
