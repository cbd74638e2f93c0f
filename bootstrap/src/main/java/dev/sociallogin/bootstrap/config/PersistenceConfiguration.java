package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.persistence.Persistence;
import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.bootstrap.settings.ConfigurationException;
import dev.sociallogin.bootstrap.settings.Settings;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.StorageHealth;
import dev.sociallogin.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The database: migrated and connected at start (unreachable: start-up refused naming AUTH_DB_URL,
 * or AUTH_DATA_DIR for the embedded database), closed last on shutdown (denylist poll, then pool).
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** Migrates and connects on a bootstrap thread while the HTTP server starts. */
    @Bean
    Startup<Persistence> persistenceStartup(Settings settings, Clock clock, ExecutorService bootstrapExecutor) {
        return Startup.begin(bootstrapExecutor, () -> open(settings, clock));
    }

    // lazy: taken once the HTTP server has started; the work itself began in the startup bean
    @Lazy
    @Bean(destroyMethod = "close")
    Persistence persistence(Startup<Persistence> persistenceStartup) {
        return persistenceStartup.await();
    }

    private static Persistence open(Settings settings, Clock clock) {
        String variable = settings.dbUrl().isPresent() ? Settings.AUTH_DB_URL : Settings.AUTH_DATA_DIR;
        PersistenceSettings persistence;
        try {
            persistence = new PersistenceSettings(settings.dbUrl().orElse(null), settings.dbUser(), settings.dbPassword(), settings.dataDir());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Settings.AUTH_DB_URL, "refused by the persistence adapter");
        }
        try {
            return Persistence.open(persistence, clock);
        } catch (DomainException e) {
            // the adapter's message says what failed without the URL or the password
            String detail = e.getMessage() == null ? "" : e.getMessage();
            if (detail.contains("SQLState 28")) {
                // 28xxx: invalid authorization, the server answered but refused the credentials
                throw new ConfigurationException(Settings.AUTH_DB_PASSWORD,
                        "the database refused the login of AUTH_DB_USER with AUTH_DB_PASSWORD: " + detail, e);
            }
            throw new ConfigurationException(variable, settings.dbUrl().isPresent()
                    ? "the database is unreachable: " + detail
                    : "the embedded database under AUTH_DATA_DIR cannot be opened: " + detail, e);
        }
    }

    @Lazy
    @Bean
    UserRepository userRepository(Persistence persistence) {
        return persistence.users();
    }

    @Lazy
    @Bean
    RefreshTokenStore refreshTokenStore(Persistence persistence) {
        return persistence.refreshTokens();
    }

    @Lazy
    @Bean
    AccessTokenDenylist accessTokenDenylist(Persistence persistence) {
        return persistence.accessTokenDenylist();
    }

    @Lazy
    @Bean
    StorageHealth storageHealth(Persistence persistence) {
        return persistence.storageHealth();
    }
}
