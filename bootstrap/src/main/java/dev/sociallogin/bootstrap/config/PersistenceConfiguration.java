package dev.sociallogin.bootstrap.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.sociallogin.adapter.out.persistence.Persistence;
import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.domain.port.out.StorageHealth;
import dev.sociallogin.domain.port.out.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Bean.Bootstrap;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The database, migrated and connected in the background at start (unreachable: start-up refused
 * naming the variable), closed last on shutdown (denylist poll, then pool). Its ports are lazy:
 * taken once it is ready. Where there is a meter registry (the service, not the purge command), the
 * pool reports its connections there through HikariCP's own Micrometer tracker.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean(bootstrap = Bootstrap.BACKGROUND, destroyMethod = "close")
    Persistence persistence(PersistenceSettings settings, Clock clock, ObjectProvider<MeterRegistry> meters) {
        Persistence persistence = Persistence.open(settings, clock);
        meters.ifAvailable(registry -> {
            if (persistence.dataSource() instanceof HikariDataSource pool) {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        });
        return persistence;
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
