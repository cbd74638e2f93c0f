package dev.sociallogin.testfixtures.providers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a provider adapter and the shared OAuth base log during a test, captured at DEBUG, so a
 * test can assert on it and prove that no line (nor any exception message in it, causes included)
 * carries a code, token or secret. Start it before the test, {@link #close} it after.
 */
public final class ProviderLogs implements AutoCloseable {

    /** The shared base's package: its lines are the adapter's too. */
    public static final String BASE = "dev.sociallogin.provider.oauth";

    private final List<Logger> loggers = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ProviderLogs(String... packages) {
        appender.start();
        for (String name : packages) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
            loggers.add(logger);
        }
    }

    /** Captures the adapter's package and the base's. */
    public static ProviderLogs capture(String adapterPackage) {
        return new ProviderLogs(adapterPackage, BASE);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    public List<ILoggingEvent> at(Level level) {
        return appender.list.stream().filter(event -> event.getLevel() == level).toList();
    }

    /** Every line and every exception message in it (causes included), for leak checks. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                if (t.getMessage() != null) {
                    texts.add(t.getMessage());
                }
            }
        }
        return texts;
    }

    /** The first captured text containing any of {@code secrets}, or {@code null}. */
    public String leakOf(List<String> secrets) {
        for (String text : texts()) {
            for (String secret : secrets) {
                if (text != null && text.contains(secret)) {
                    return text;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
    }
}
