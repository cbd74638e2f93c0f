package dev.sociallogin.domain.port.out;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * How a provider module contributes its providers without edits elsewhere: it registers an
 * implementation for {@link java.util.ServiceLoader} ({@code META-INF/services/} + this interface's
 * name), and bootstrap asks every one found on the classpath for the providers its settings enable.
 */
public interface IdentityProviderFactory {

    /**
     * The providers this module enables with these configuration variables: none when it is not
     * configured. A value that cannot be used throws an unchecked exception that names the variable
     * (never its value); start-up then stops with that one line.
     *
     * @param variables the configuration variables by name ({@code null}: unset)
     * @param clock     the clock every component reads time from
     */
    List<IdentityProvider> create(Function<String, String> variables, Clock clock);
}
