package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.settings.InvalidSettingException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The HTTP adapter, started: Spring MVC ({@link WebMvcConfig}, in a child context of the
 * application's, whose beans provide the use cases and the clock) behind our filters (request log;
 * CORS; body buffering with its limits) on an {@link EmbeddedTomcat}.
 *
 * <pre>{@code
 * WebServer server = WebServer.start(WebSettings.from(variables), applicationContext);
 * ...
 * server.close();   // graceful: in-flight requests finish first
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final EmbeddedTomcat tomcat;
    private final GenericWebApplicationContext mvc;

    private WebServer(WebSettings settings, EmbeddedTomcat tomcat, GenericWebApplicationContext mvc) {
        this.settings = settings;
        this.tomcat = tomcat;
        this.mvc = mvc;
    }

    /**
     * Starts listening. The port cannot be bound: {@link InvalidSettingException} naming
     * {@code AUTH_HTTP_PORT}.
     */
    public static WebServer start(WebSettings settings, ApplicationContext application) {
        Objects.requireNonNull(settings, "settings");
        if ("None".equals(settings.cookieSameSite()) && !settings.cookieSecure()) {
            LOG.warn("cookies are SameSite=None without Secure: browsers will refuse them; use Lax or enable Secure");
        }
        GenericWebApplicationContext mvc = new GenericWebApplicationContext();
        mvc.setParent(Objects.requireNonNull(application, "application"));
        // primary: the application context may hold the same settings as a bean too
        mvc.registerBean(WebSettings.class, () -> settings, definition -> definition.setPrimary(true));
        new AnnotatedBeanDefinitionReader(mvc).register(WebMvcConfig.class);

        ObjectMapper mapper = JsonConverter.newMapper();
        ProblemWriter problems = new ProblemWriter(mapper);
        EmbeddedTomcat tomcat = new EmbeddedTomcat(settings.port(), settings.maxBodyBytes(), problems)
                .filter("requestLog", new RequestLogFilter(problems))
                .filter("origin", new OriginFilter(settings, problems))
                .filter("bodyBuffer", new BodyBufferFilter(problems, settings.maxBodyBytes(), settings.bodyReadTimeout()))
                .servlet("dispatcher", new DispatcherServlet(mvc));
        try {
            tomcat.start();
        } catch (EmbeddedTomcat.PortUnavailableException e) {
            throw new InvalidSettingException(WebSettings.AUTH_HTTP_PORT, "cannot listen on port " + settings.port()
                    + " (in use, or not allowed)", e);
        }
        if (!mvc.isActive()) {
            tomcat.close();
            throw new IllegalStateException("the web layer failed to start");
        }
        WebServer server = new WebServer(settings, tomcat, mvc);
        LOG.info("HTTP server listening on port {}", server.port());
        return server;
    }

    /** The port actually bound (the ephemeral one when the settings asked for 0). */
    public int port() {
        return tomcat.port();
    }

    /**
     * Graceful: stops accepting connections, lets in-flight requests finish within the configured
     * grace, then stops Tomcat and the web context. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (!mvc.isActive()) {
            return;
        }
        tomcat.stop(settings.shutdownGrace());
        mvc.close();
        LOG.info("HTTP server stopped");
    }
}
