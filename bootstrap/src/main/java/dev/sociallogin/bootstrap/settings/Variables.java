package dev.sociallogin.bootstrap.settings;

import java.util.function.Function;

/**
 * Where configuration comes from: environment variables, each overridden by a JVM system property
 * of the same name (the more specific, per-run setting). That is all bootstrap does with
 * configuration; every module reads, defaults and checks its own variables from this source.
 */
public final class Variables {

    private Variables() {
    }

    /** The process's environment merged with its system properties. */
    public static Function<String, String> fromEnvironment() {
        return name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        };
    }
}
