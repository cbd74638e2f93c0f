package dev.sociallogin.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.sociallogin.bootstrap.settings.Variables;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The service's logging, set up in code: one line per event on standard output, INFO for our own
 * code, WARN for the libraries; text by default, or one JSON object per line with
 * {@code AUTH_LOG_FORMAT=json} (logback's own {@link JsonEncoder}: timestamp, level, thread, logger,
 * the MDC with the request id, the message). Lines of a request carry its id in both formats. Logback finds this through {@code META-INF/services} before it would
 * look for {@code logback.xml}; configuring in code spares start-up the XML parser and Joran (about
 * 800 classes, a quarter of a second of CPU on a small machine).
 *
 * <p>An operator who wants their own logging sets {@code -Dlogback.configurationFile=...}: this then
 * steps aside and logback reads that file as usual.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /**
     * The pattern of every text line: UTC timestamp, level, thread, logger, the request id ({@code
     * rid=...}, only on lines of a request), message.
     */
    public static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36}%replace( rid=%X{requestId}){' rid=$', ''} - %msg%n";

    static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

    /** Libraries that are chatty at INFO; their warnings and errors still show. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.apache.catalina", Level.WARN,
            "org.apache.coyote", Level.WARN,
            "org.apache.tomcat", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.springframework", Level.WARN,
            // start-up failures are reported once, by Main, with the variable at fault
            "org.springframework.context.annotation.AnnotationConfigApplicationContext", Level.ERROR,
            // a second line for every 404 ("No mapping for GET ..."): the request log has one already
            "org.springframework.web.servlet.PageNotFound", Level.ERROR,
            "okhttp3", Level.WARN);

    private final Function<String, String> variables;

    /** As logback's service loader builds it: configured from the environment and system properties. */
    public LogConfiguration() {
        this(Variables.fromEnvironment());
    }

    LogConfiguration(Function<String, String> variables) {
        this.variables = variables;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // java.util.logging (Tomcat) goes through the jul-to-slf4j bridge; keep JUL's levels in step
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        Encoder<ILoggingEvent> encoder = LogFormat.lenient(variables) == LogFormat.JSON ? json(context) : text(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * One object per line: {@code timestamp} (epoch ms), {@code level}, {@code threadName},
     * {@code loggerName}, {@code mdc} (the request id), {@code formattedMessage}, {@code throwable}.
     * The raw message pattern and its arguments are left out: the formatted message says it once.
     */
    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
