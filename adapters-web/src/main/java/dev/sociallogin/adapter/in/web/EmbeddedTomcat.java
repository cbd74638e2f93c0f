package dev.sociallogin.adapter.in.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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

/**
 * The server's lifecycle, and nothing of what it serves: an embedded Tomcat with one connector,
 * our error valve instead of Tomcat's HTML page, a work directory of its own, the filters and the
 * servlet it is given, and a graceful stop that lets in-flight requests finish.
 */
final class EmbeddedTomcat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTomcat.class);

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector("HTTP/1.1");
    private final Context context;
    private final Path workDir;
    private final InFlightRequests inFlight = new InFlightRequests();
    private boolean stopped;

    EmbeddedTomcat(int port, int maxBodyBytes, ProblemWriter problems) {
        try {
            workDir = Files.createTempDirectory("social-login-tomcat-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Tomcat's work directory", e);
        }
        // no JMX beans for Tomcat's parts: nothing reads them, and building them parses Tomcat's XML
        // descriptors at every start (a few hundred classes of start-up CPU)
        Registry.disableRegistry();
        tomcat.setBaseDir(workDir.toString());
        connector.setPort(port);
        connector.setMaxPostSize(maxBodyBytes);
        connector.setProperty("maxHttpHeaderSize", "32768");
        connector.setThrowOnFailure(true);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        StandardHost host = (StandardHost) tomcat.getHost();
        host.setAutoDeploy(false);
        // our own error report replaces Tomcat's HTML page (no stack trace, no version)
        host.setErrorReportValveClass("");
        host.getPipeline().addValve(new ProblemErrorReportValve(problems));
        // the request id first, so that everything after it (filters, error report, the use cases) logs it
        tomcat.getEngine().getPipeline().addValve(new RequestIdValve());
        // counts every request from the moment Tomcat hands it over, for the graceful stop
        tomcat.getEngine().getPipeline().addValve(inFlight);

        context = tomcat.addContext("", workDir.toString());
        // one application in its own JVM: no webapp reloading, so no leak hunting on stop. Tomcat's
        // hunt would warn of a "memory leak" for every thread a library started while serving a
        // request (OkHttp's connection pool and timeout watchdog after a call to a provider).
        WebappLoader loader = new WebappLoader();
        loader.setLoaderInstance(new NoLeakHuntClassLoader(EmbeddedTomcat.class.getClassLoader()));
        loader.setDelegate(true);
        context.setLoader(loader);
    }

    /** Adds a filter on every path, for requests and for their asynchronous continuations, in call order. */
    EmbeddedTomcat filter(String name, Filter filter) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPatternDecoded("/*");
        map.setDispatcher(DispatcherType.REQUEST.name());
        map.setDispatcher(DispatcherType.ASYNC.name());
        context.addFilterMap(map);
        return this;
    }

    /** The one servlet, on every path. */
    EmbeddedTomcat servlet(String name, Servlet servlet) {
        Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
        wrapper.setLoadOnStartup(1);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/", name);
        return this;
    }

    /**
     * Starts listening: {@link PortUnavailableException} when the port cannot be bound, {@link
     * IllegalStateException} when the servlet fails to start.
     */
    void start() {
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stopped = true;
            stopQuietly();
            throw isBindFailure(e) ? new PortUnavailableException(e) : new IllegalStateException("HTTP server failed to start", e);
        }
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            stopped = true;
            stopQuietly();
            throw new PortUnavailableException(null);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port is taken or not allowed. */
    static final class PortUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortUnavailableException(Throwable cause) {
            super("HTTP port could not be opened", cause);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops accepting connections, waits up to {@code grace} for the requests in flight, then stops.
     * Idempotent.
     */
    void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        connector.pause();
        connector.getProtocolHandler().closeServerSocketGraceful();
        try {
            if (!inFlight.awaitNone(grace)) {
                LOG.warn("closing with {} request(s) still in flight after the grace", inFlight.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private void stopQuietly() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            LOG.warn("Tomcat did not stop cleanly: {}", e.getClass().getName());
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
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
}
