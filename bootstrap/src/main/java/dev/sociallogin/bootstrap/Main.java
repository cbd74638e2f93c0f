package dev.sociallogin.bootstrap;

import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.bootstrap.settings.Variables;
import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.settings.InvalidSettingException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar social-login.jar [serve | purge-expired | rotate-keys | self-test | help]}. Configuration comes
 * from environment variables and system properties ({@link Variables}); a value a module refuses
 * ends start-up with one log line naming the variable and exit code {@value #EXIT_CONFIG}.
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
        int status = command.map(c -> run(c, Variables.fromEnvironment())).orElseGet(() -> {
            log.error("Unknown command; {}", Command.usage());
            return EXIT_USAGE;
        });
        if (command.orElse(null) != Command.SERVE || status != EXIT_OK) {
            System.exit(status);
        }
        // a served service returns here once the shutdown hook has closed it; the JVM is exiting
    }

    /** Runs one command against the given variables and returns the process exit status. */
    static int run(Command command, Function<String, String> variables) {
        return switch (command) {
            case HELP -> {
                log.info(Command.usage());
                yield EXIT_OK;
            }
            case SELF_TEST -> SelfTest.run();
            case PURGE_EXPIRED -> purge(variables);
            case ROTATE_KEYS -> rotateKeys(variables);
            case SERVE -> serve(variables);
        };
    }

    private static int serve(Function<String, String> variables) {
        Service service;
        try {
            service = Service.start(variables);
        } catch (RuntimeException e) {
            return startFailed(e);
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: finishing in-flight requests, then closing the scheduler and the database pool");
            try {
                service.close();
                log.info("Stopped");
            } finally {
                closed.countDown();
            }
        }, "shutdown"));
        log.info("Started in {} ms; serving HTTP on port {}", ManagementFactory.getRuntimeMXBean().getUptime(), service.port());
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static int purge(Function<String, String> variables) {
        try {
            PurgeResult result = Service.purgeOnce(variables);
            log.info("Purged {} expired refresh tokens and {} expired denylist entries", result.refreshTokens(),
                    result.deniedAccessTokens());
            return EXIT_OK;
        } catch (RuntimeException e) {
            return startFailed(e);
        }
    }

    private static int rotateKeys(Function<String, String> variables) {
        try {
            List<KeyRotation> rotations = Service.rotateKeys(variables);
            if (rotations.isEmpty()) {
                log.info("Nothing to rotate: tokens are signed with the HS256 secret (AUTH_JWT_ALGORITHM=HS256)");
            }
            rotations.forEach(key -> log.info("New {} key {} ({}){}, signing from {}", key.use().claim(), key.kid().value(),
                    key.algorithm().jwaName(), key.algorithm().isSymmetric() ? "" : ": in the JWKS now", key.activatesAt()));
            return EXIT_OK;
        } catch (RuntimeException e) {
            return startFailed(e);
        }
    }

    /** A refused setting (anywhere in the cause chain: Spring wraps it) is one line and exit 2; anything else exit 1. */
    static int startFailed(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException refused) {
                log.error("Start-up refused: {}", refused.getMessage());
                return EXIT_CONFIG;
            }
        }
        log.error("Start-up failed", e);
        return EXIT_FAILURE;
    }
}
