package dev.sociallogin.bootstrap;

import dev.sociallogin.bootstrap.settings.ConfigurationException;
import dev.sociallogin.bootstrap.settings.Settings;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar social-login.jar [serve | purge-expired | self-test | help]}. Configuration comes from
 * environment variables (see {@link Settings}); a bad value ends start-up with one log line naming
 * the variable and exit code {@value #EXIT_CONFIG}.
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_USAGE = 64;

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        // Tomcat and a few libraries log through java.util.logging: send it to SLF4J/logback
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Optional<Command> command = Command.parse(args);
        int status = command.map(c -> run(c, Settings.environment())).orElseGet(() -> {
            log.error("Unknown command; {}", Command.usage());
            return EXIT_USAGE;
        });
        if (command.orElse(null) != Command.SERVE || status != EXIT_OK) {
            System.exit(status);
        }
        // a served service returns here once the shutdown hook has closed it; the JVM is exiting
    }

    /** Runs one command against the given variables and returns the process exit status. */
    static int run(Command command, java.util.Map<String, String> variables) {
        if (command == Command.HELP) {
            log.info(Command.usage());
            return EXIT_OK;
        }
        if (command == Command.SELF_TEST) {
            return SelfTest.run();
        }
        Settings settings;
        try {
            settings = Settings.from(variables);
        } catch (ConfigurationException e) {
            return refused(e);
        }
        settings.warnings().forEach(log::warn);
        return command == Command.PURGE_EXPIRED ? purge(settings) : serve(settings);
    }

    private static int serve(Settings settings) {
        ConfigurableApplicationContext context;
        try {
            context = ServiceContexts.service(settings);
        } catch (RuntimeException e) {
            return startFailed(e);
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: finishing in-flight requests, then closing the scheduler and the database pool");
            try {
                ServiceContexts.stop(context);
                log.info("Stopped");
            } finally {
                closed.countDown();
            }
        }, "shutdown"));
        log.info("Started in {} ms; serving HTTP on port {}", ManagementFactory.getRuntimeMXBean().getUptime(),
                ServiceContexts.httpPort(context));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static int purge(Settings settings) {
        try {
            ServiceContexts.purgeOnce(settings);
            return EXIT_OK;
        } catch (RuntimeException e) {
            return startFailed(e);
        }
    }

    private static int startFailed(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException) {
                return refused((ConfigurationException) t);
            }
        }
        log.error("Start-up failed", e);
        return EXIT_FAILURE;
    }

    private static int refused(ConfigurationException e) {
        log.error("Start-up refused: {}", e.getMessage());
        return EXIT_CONFIG;
    }
}
