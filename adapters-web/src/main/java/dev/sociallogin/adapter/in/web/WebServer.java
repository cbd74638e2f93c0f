package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sociallogin.settings.InvalidSettingException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The HTTP adapter, started: Spring MVC ({@link WebMvcConfig}, in a child context of the
 * application's, whose beans provide the use cases and the clock) behind our filters (request log
 * and meters; CORS; per-client rate limits; body buffering with its limits) on an
 * {@link EmbeddedTomcat}, which gives every request its id first.
 *
 * <pre>{@code
 * WebServer server = WebServer.start(WebSettings.from(variables), RateLimitSettings.from(variables), meterRegistry,
 *         applicationContext);
 * server.ready();   // start-up is done: /health/ready may answer UP
 * ...
 * server.close();   // graceful: in-flight requests finish first
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final EmbeddedTomcat tomcat;
    private final GenericWebApplicationContext mvc;
    private final Readiness readiness;
    private final RateLimitFilter rateLimits;

    private WebServer(WebSettings settings, EmbeddedTomcat tomcat, GenericWebApplicationContext mvc, Readiness readiness,
                      RateLimitFilter rateLimits) {
        this.settings = settings;
        this.tomcat = tomcat;
        this.mvc = mvc;
        this.readiness = readiness;
        this.rateLimits = rateLimits;
    }

    /**
     * Starts listening. The port cannot be bound: {@link InvalidSettingException} naming
     * {@code AUTH_HTTP_PORT}.
     *
     * @param limits the per-client rate limits ({@link RateLimitSettings#off()}: none)
     * @param meters where the request meters go
     */
    public static WebServer start(WebSettings settings, RateLimitSettings limits, MeterRegistry meters,
                                  ApplicationContext application) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(meters, "meters");
        if ("None".equals(settings.cookieSameSite()) && !settings.cookieSecure()) {
            LOG.warn("cookies are SameSite=None without Secure: browsers will refuse them; use Lax or enable Secure");
        }
        GenericWebApplicationContext mvc = new GenericWebApplicationContext();
        mvc.setParent(Objects.requireNonNull(application, "application"));
        // primary: the application context may hold the same settings as a bean too
        mvc.registerBean(WebSettings.class, () -> settings, definition -> definition.setPrimary(true));
        Readiness readiness = new Readiness();
        mvc.registerBean(Readiness.class, () -> readiness);
        // who a request comes from, as the rate limits see it: also whether it is on this machine
        ClientAddress clients = new ClientAddress(limits.trustedProxies());
        mvc.registerBean(ClientAddress.class, () -> clients);
        new AnnotatedBeanDefinitionReader(mvc).register(WebMvcConfig.class);

        ObjectMapper mapper = JsonConverter.newMapper();
        ProblemWriter problems = new ProblemWriter(mapper);
        Routes routes = new Routes();
        Clock clock = application.getBean(Clock.class);
        RateLimitFilter rateLimits = new RateLimitFilter(limits, clock, meters, problems);
        EmbeddedTomcat tomcat = new EmbeddedTomcat(settings.port(), settings.maxBodyBytes(), problems)
                .filter("requestLog", new RequestLogFilter(problems, new RequestMetrics(meters, routes)))
                .filter("origin", new OriginFilter(settings, problems))
                .filter("rateLimit", rateLimits)
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
        routes.load(mvc);
        WebServer server = new WebServer(settings, tomcat, mvc, readiness, rateLimits);
        LOG.info("HTTP server listening on port {}", server.port());
        return server;
    }

    /** Start-up of the application behind the server is done: {@code /health/ready} answers by storage from now on. */
    public void ready() {
        readiness.started();
    }

    /** Clients whose bucket the limit of {@code route} holds now (tests and figures: the bound under a flood). */
    long rateLimitedClients(String route) {
        return rateLimits.limiter(route).clients();
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
