package dev.sociallogin.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outermost filter: counts in-flight requests for a graceful close, logs one line per request
 * (method, path without query, status, duration; never a header, cookie or parameter) and turns
 * anything that escapes the inner layers into a 500 problem instead of a container error page.
 */
final class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);
    private static final int MAX_LOGGED_PATH = 200;

    private final transient ProblemWriter problems;
    private final AtomicInteger inFlight = new AtomicInteger();

    RequestLogFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        try {
            // answers carry tokens and personal data: never cached, never sniffed into something else
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(new QueryHidingRequest(request), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (BodyLimitFilter.isClientAbort(e)) {
                LOG.debug("{} {} aborted by the client", request.getMethod(), safePath(request));
            } else {
                LOG.error("{} {} failed outside the MVC layer: {}", request.getMethod(), safePath(request), ProblemAdvice.describe(e));
                writeQuietly(response, WebError.INTERNAL_ERROR);
            }
        } finally {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.info("{} {} {} {}ms", safe(request.getMethod(), 16), safePath(request), response.getStatus(), millis);
            inFlight.decrementAndGet();
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
}
