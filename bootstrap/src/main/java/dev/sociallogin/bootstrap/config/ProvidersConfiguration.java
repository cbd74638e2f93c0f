package dev.sociallogin.bootstrap.config;

import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviderFactory;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.settings.SettingsSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Bean.Bootstrap;
import org.springframework.context.annotation.Configuration;

/**
 * The identity providers: every provider module on the classpath contributes through its
 * {@link IdentityProviderFactory} ({@link ServiceLoader}), enabled by its own variables. Adding a
 * provider module changes nothing here. Built in the background (HTTP clients, discovery).
 */
@Configuration(proxyBeanMethods = false)
public class ProvidersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProvidersConfiguration.class);

    @Bean(bootstrap = Bootstrap.BACKGROUND)
    IdentityProviders identityProviders(SettingsSource variables, Clock clock) {
        List<IdentityProvider> providers = new ArrayList<>();
        for (IdentityProviderFactory factory : ServiceLoader.load(IdentityProviderFactory.class)) {
            providers.addAll(factory.create(variables.asFunction(), clock));
        }
        IdentityProviders registry = new IdentityProviders(providers);
        if (registry.names().isEmpty()) {
            log.warn("No identity provider enabled: set KAKAO_CLIENT_ID (or another provider's variables) to enable a login");
        } else {
            log.info("Identity providers enabled: {}", registry.names());
        }
        return registry;
    }
}
