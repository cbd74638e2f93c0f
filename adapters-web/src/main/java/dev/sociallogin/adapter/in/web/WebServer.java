package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.loader.ParallelWebappClassLoader;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.modeler.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The HTTP server: an embedded Tomcat running Spring MVC's DispatcherServlet behind the adapter's
 * filters (request log, body limit, CORS/CSRF). Bootstrap only builds it, starts it and closes it.
 *
 * <pre>{@code
 * try (WebServer server = new WebServer(settings, useCases).start()) { ... }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long POLL_MILLIS = 10;

    private final WebSettings settings;
    private final WebUseCases useCases;

    private Tomcat tomcat;
    private Connector connector;
    private AnnotationConfigWebApplicationContext context;
    private RequestLogFilter requestLog;
    private Path baseDir;
    private boolean closed;

    public WebServer(WebSettings settings, WebUseCases useCases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    /**
     * Starts listening. Throws {@link IllegalStateException} when the port cannot be bound or the
     * web layer does not come up.
     */
    public synchronized WebServer start() {
        if (tomcat != null) {
            throw new IllegalStateException("web server already started");
        }
        if ("None".equals(settings.cookieSameSite()) && !settings.cookieSecure()) {
            LOG.warn("cookies are SameSite=None without Secure: browsers will refuse them; use Lax or enable Secure");
        }
        ObjectMapper mapper = JsonConverter.newMapper();
        JsonConverter json = new JsonConverter(mapper);
        ProblemWriter problems = new ProblemWriter(mapper);

        context = new AnnotationConfigWebApplicationContext();
        context.register(WebMvcConfig.class);
        context.addBeanFactoryPostProcessor(factory -> {
            factory.registerSingleton("webSettings", settings);
            factory.registerSingleton("webUseCases", useCases);
            factory.registerSingleton("jsonConverter", json);
        });

        try {
            baseDir = Files.createTempDirectory("social-login-tomcat-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Tomcat's work directory", e);
        }
        // no JMX beans for Tomcat's parts: nothing reads them, and building them parses Tomcat's XML
        // descriptors at every start (a few hundred classes of start-up CPU)
        Registry.disableRegistry();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        connector = new Connector("HTTP/1.1");
        connector.setPort(settings.port());
        connector.setMaxPostSize(settings.maxBodyBytes());
        connector.setProperty("maxHttpHeaderSize", "32768");
        connector.setThrowOnFailure(true);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        StandardHost host = (StandardHost) tomcat.getHost();
        host.setAutoDeploy(false);
        // our own error report replaces Tomcat's HTML page (no stack trace, no version)
        host.setErrorReportValveClass("");
        host.getPipeline().addValve(new ProblemErrorReportValve(problems));

        Context servletContext = tomcat.addContext("", baseDir.toString());
        // one application in its own JVM: no webapp reloading, so no leak hunting on stop. Tomcat's
        // hunt would warn of a "memory leak" for every thread a library started while serving a
        // request (OkHttp's connection pool and timeout watchdog after a call to Kakao).
        WebappLoader loader = new WebappLoader();
        loader.setLoaderInstance(new NoLeakHuntClassLoader(WebServer.class.getClassLoader()));
        loader.setDelegate(true);
        servletContext.setLoader(loader);
        requestLog = new RequestLogFilter(problems);
        addFilter(servletContext, "requestLog", requestLog);
        addFilter(servletContext, "bodyLimit", new BodyLimitFilter(problems, settings.maxBodyBytes()));
        addFilter(servletContext, "origin", new OriginFilter(settings, problems));

        DispatcherServlet dispatcher = new DispatcherServlet(context);
        Wrapper wrapper = Tomcat.addServlet(servletContext, "dispatcher", dispatcher);
        wrapper.setLoadOnStartup(1);
        servletContext.addServletMappingDecoded("/", "dispatcher");

        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw failed("HTTP server failed to start on port " + settings.port(), e);
        }
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            throw failed("HTTP port " + settings.port() + " could not be opened", null);
        }
        if (!context.isActive()) {
            throw failed("the web layer failed to start", null);
        }
        LOG.info("HTTP server listening on port {}", port());
        return this;
    }

    /** The port actually bound (the ephemeral one when the settings asked for 0). */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("web server not started");
        }
        return connector.getLocalPort();
    }

    /**
     * Graceful: stops accepting connections, lets in-flight requests finish within the configured
     * grace, then stops Tomcat and the web context. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (tomcat == null || closed) {
            return;
        }
        closed = true;
        try {
            connector.pause();
            connector.getProtocolHandler().closeServerSocketGraceful();
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            while (busy() && System.nanoTime() - deadline < 0) {
                Thread.sleep(POLL_MILLIS);
            }
            if (busy()) {
                LOG.warn("closing with {} request(s) still in flight after the grace", requestLog.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly();
        LOG.info("HTTP server stopped");
    }

    private IllegalStateException failed(String message, Exception cause) {
        stopQuietly();
        closed = true;
        return new IllegalStateException(message, cause);
    }

    private boolean busy() {
        if (requestLog.inFlight() > 0) {
            return true;
        }
        // a request already read but not yet in our filter is counted by Tomcat's workers
        Executor executor = connector.getProtocolHandler().getExecutor();
        return executor instanceof org.apache.tomcat.util.threads.ThreadPoolExecutor pool && pool.getActiveCount() > 0;
    }

    private void stopQuietly() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            LOG.warn("Tomcat did not stop cleanly: {}", e.getClass().getName());
        }
        if (context != null && context.isActive()) {
            context.close();
        }
        deleteBaseDir();
    }

    private void deleteBaseDir() {
        if (baseDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(baseDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete Tomcat's work directory: {}", e.getClass().getName());
        }
    }

    /** The application's own classes through the webapp loader Tomcat insists on, without its leak hunt. */
    private static final class NoLeakHuntClassLoader extends ParallelWebappClassLoader {

        NoLeakHuntClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected void clearReferences() {
            // nothing to clear: the JVM ends with the application
        }
    }

    private static void addFilter(Context context, String name, Filter filter) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPatternDecoded("/*");
        context.addFilterMap(map);
    }
}
