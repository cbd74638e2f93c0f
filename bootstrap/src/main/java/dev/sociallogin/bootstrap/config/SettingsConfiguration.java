package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.in.web.RateLimitSettings;
import dev.sociallogin.adapter.in.web.WebSettings;
import dev.sociallogin.adapter.out.jwt.JwtSettings;
import dev.sociallogin.adapter.out.metrics.ManagementSettings;
import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.bootstrap.logging.LogFormat;
import dev.sociallogin.bootstrap.settings.CoreSettings;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.settings.SettingsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every module's configuration, each read and checked by its own module, all of it before anything
 * is opened: registered first, these beans are built on the main thread before any background bean
 * starts, so a bad value stops start-up before the database is touched.
 */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SettingsConfiguration.class);

    @Bean
    TokenPolicy tokenPolicy(SettingsSource variables) {
        TokenPolicy policy = CoreSettings.tokenPolicy(variables);
        CoreSettings.warning(policy).ifPresent(log::warn);
        return policy;
    }

    @Bean
    PersistenceSettings persistenceSettings(SettingsSource variables) {
        return PersistenceSettings.from(variables.asFunction());
    }

    @Bean
    JwtSettings jwtSettings(SettingsSource variables) {
        return JwtSettings.from(variables.asFunction());
    }

    @Bean
    WebSettings webSettings(SettingsSource variables) {
        return WebSettings.from(variables.asFunction());
    }

    @Bean
    RateLimitSettings rateLimitSettings(SettingsSource variables) {
        return RateLimitSettings.from(variables.asFunction());
    }

    @Bean
    ManagementSettings managementSettings(SettingsSource variables) {
        return ManagementSettings.from(variables.asFunction());
    }

    /** Logging was set up before this check (it reads the variable leniently); a bad value stops start-up here. */
    @Bean
    LogFormat logFormat(SettingsSource variables) {
        return LogFormat.from(variables.asFunction());
    }
}
