package dev.sociallogin.adapter.out.dev;

import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviderFactory;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dev} provider, enabled by {@code AUTH_DEV_LOGIN=true}; found by bootstrap through
 * {@link java.util.ServiceLoader}. Every start with it enabled logs a warning: anyone on this machine
 * can log in as anyone through it.
 */
public final class DevIdentityProviderFactory implements IdentityProviderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DevIdentityProviderFactory.class);

    @Override
    public List<IdentityProvider> create(Function<String, String> variables, Clock clock) {
        if (!DevSettings.from(variables).enabled()) {
            return List.of();
        }
        LOG.warn("AUTH_DEV_LOGIN=true: the dev provider lets anyone on this machine log in as any dev_<name> user "
                + "without a password (loopback clients only). For trying the service locally; never enable it in production.");
        return List.of(new DevIdentityProvider(clock));
    }
}
