package dev.sociallogin.adapter.in.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter: logs one line per request when it is done (method, path without query,
 * status, duration; never a header, cookie or parameter; the request id comes with the MDC) and
 * records its meters ({@link RequestMetrics}), also for a request that continued asynchronously after
 * its body was read, and turns anything that escapes the inner layers into a 500 problem instead of a
 * container error page.
 */
final class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);
    private static final int MAX_LOGGED_PATH = 200;

    private final transient ProblemWriter problems;
    private final transient RequestMetrics metrics;

    RequestLogFilter(ProblemWriter problems, RequestMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        boolean continuation = request.getDispatcherType() == DispatcherType.ASYNC;
        long start = System.nanoTime();
        if (!continuation) {
            // answers carry tokens and personal data: never cached, never sniffed into something else
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        try {
            chain.doFilter(new QueryHidingRequest(request), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (ProblemAdvice.isClientAbort(e)) {
                LOG.debug("{} {} aborted by the client", request.getMethod(), safePath(request));
            } else {
                LOG.error("{} {} failed outside the MVC layer: {}", request.getMethod(), safePath(request), ProblemAdvice.describe(e));
                writeQuietly(response, WebError.INTERNAL_ERROR);
            }
        }
        if (continuation) {
            return;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new LogWhenDone(this, request, response, start));
        } else {
            done(request, response, start);
        }
    }

    private void done(HttpServletRequest request, HttpServletResponse response, long start) {
        long nanos = System.nanoTime() - start;
        LOG.info("{} {} {} {}ms", safe(request.getMethod(), 16), safePath(request), response.getStatus(),
                TimeUnit.NANOSECONDS.toMillis(nanos));
        try {
            metrics.record(request, response, nanos);
        } catch (RuntimeException e) {
            // a meter must never fail a request that is already answered
            LOG.warn("could not record the request's meters: {}", e.getClass().getName());
        }
    }

    private void writeQuietly(HttpServletResponse response, WebError error) {
        try {
            problems.write(response, error);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error response: {}", e.getClass().getName());
        }
    }

    /** The request path without query string, cut and stripped of control characters (no log injection). */
    static String safePath(HttpServletRequest request) {
        return safe(request.getRequestURI(), MAX_LOGGED_PATH);
    }

    private static String safe(String text, int max) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > max) {
            out.append("...");
        }
        return out.toString();
    }

    private record LogWhenDone(RequestLogFilter filter, HttpServletRequest request, HttpServletResponse response, long start)
            implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            // a container thread the request id valve did not set up
            RequestIds.withMdc(request, () -> filter.done(request, response, start));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
