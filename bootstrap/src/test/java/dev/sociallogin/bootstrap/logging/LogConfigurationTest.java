package dev.sociallogin.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.settings.InvalidSettingException;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogConfigurationTest {

    @Test
    void logbackFindsItAsAService() {
        List<Class<?>> found = new ArrayList<>();
        ServiceLoader.load(Configurator.class).forEach(c -> found.add(c.getClass()));
        assertThat(found).containsExactly(LogConfiguration.class);
    }

    @Test
    void oneLinePerEventOnStdoutAtInfoAndLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();
        assertThat(configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appenders.get(0);
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.out");

        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.sociallogin.bootstrap.Main"), Level.INFO,
                "Started in {} ms", null, new Object[] {1234});
        event.setThreadName("main");
        event.setTimeStamp(0);
        event.setMDCPropertyMap(Map.of());
        String line = new String(((PatternLayoutEncoder) console.getEncoder()).encode(event), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("1970-01-01T00:00:00.000Z INFO  [main] dev.sociallogin.bootstrap.Main - Started in 1234 ms"
                + System.lineSeparator());

        assertThat(context.getLogger("dev.sociallogin.adapter.in.web.RequestLogFilter").getEffectiveLevel()).isEqualTo(Level.INFO);
        for (String library : List.of("org.apache.catalina.core", "org.apache.coyote", "org.apache.tomcat.util",
                "com.zaxxer.hikari.pool", "org.flywaydb.core", "org.springframework.web", "okhttp3.internal")) {
            assertThat(context.getLogger(library).getEffectiveLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("org.springframework.context.annotation.AnnotationConfigApplicationContext").getEffectiveLevel())
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.springframework.web.servlet.PageNotFound").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getCopyOfListenerList()).anyMatch(LevelChangePropagator.class::isInstance);
    }

    @Test
    void anOperatorsConfigurationFileWins() {
        String before = System.getProperty(LogConfiguration.CONFIGURATION_FILE_PROPERTY);
        System.setProperty(LogConfiguration.CONFIGURATION_FILE_PROPERTY, "/etc/social-login/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertThat(configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
            assertThat(context.getLogger("org.flywaydb").getLevel()).isNull();
        } finally {
            if (before == null) {
                System.clearProperty(LogConfiguration.CONFIGURATION_FILE_PROPERTY);
            } else {
                System.setProperty(LogConfiguration.CONFIGURATION_FILE_PROPERTY, before);
            }
        }
    }

    @Test
    void givenARequestsMdc_textLine_carriesTheRequestId() {
        LoggerContext context = new LoggerContext();
        configure(context, Map.of());
        LoggingEvent event = event(context, Map.of("requestId", "req-42"));

        assertThat(encode(context, event)).isEqualTo(
                "1970-01-01T00:00:00.000Z INFO  [main] dev.sociallogin.bootstrap.Main rid=req-42 - Started in 1234 ms"
                        + System.lineSeparator());
    }

    @Test
    void givenJsonFormat_eachEventIsOneJsonObjectWithTheRequestIdAndNoRawArguments() throws Exception {
        LoggerContext context = new LoggerContext();
        configure(context, Map.of("AUTH_LOG_FORMAT", "json"));
        LoggingEvent event = event(context, Map.of("requestId", "req-42"));

        String line = encode(context, event);

        assertThat(line).endsWith("\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("loggerName").asText()).isEqualTo("dev.sociallogin.bootstrap.Main");
        assertThat(json.path("threadName").asText()).isEqualTo("main");
        assertThat(json.path("mdc").path("requestId").asText()).isEqualTo("req-42");
        assertThat(json.path("formattedMessage").asText()).isEqualTo("Started in 1234 ms");
        assertThat(json.path("timestamp").asLong()).isZero();
        assertThat(json.has("arguments")).isFalse();
        assertThat(json.has("message")).isFalse();
        assertThat(json.has("context")).isFalse();
    }

    @Test
    void givenUnknownFormat_loggingFallsBackToTextAndTheSettingIsRefusedNamingTheVariable() {
        LoggerContext context = new LoggerContext();
        configure(context, Map.of("AUTH_LOG_FORMAT", "xml"));
        assertThat(encode(context, event(context, Map.of()))).startsWith("1970-01-01T00:00:00.000Z INFO ");

        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> LogFormat.from(Map.of("AUTH_LOG_FORMAT", "xml")::get));
        assertThat(refused.variable()).isEqualTo("AUTH_LOG_FORMAT");
        assertThat(LogFormat.from(Map.of("AUTH_LOG_FORMAT", "JSON")::get)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.from(Map.<String, String>of()::get)).isEqualTo(LogFormat.TEXT);
    }

    private static LoggingEvent event(LoggerContext context, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.sociallogin.bootstrap.Main"), Level.INFO,
                "Started in {} ms", null, new Object[] {1234});
        event.setThreadName("main");
        event.setTimeStamp(0);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    @SuppressWarnings("unchecked")
    private static String encode(LoggerContext context, LoggingEvent event) {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDOUT");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private static Configurator.ExecutionStatus configure(LoggerContext context) {
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        return configuration.configure(context);
    }

    private static Configurator.ExecutionStatus configure(LoggerContext context, Map<String, String> variables) {
        LogConfiguration configuration = new LogConfiguration(variables::get);
        configuration.setContext(context);
        return configuration.configure(context);
    }
}
