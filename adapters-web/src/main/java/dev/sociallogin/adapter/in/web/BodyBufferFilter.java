package dev.sociallogin.adapter.in.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's body before anything handles it, without holding a worker thread while the
 * client sends it: the read is asynchronous (a {@link ReadListener}), and only once the whole body
 * is buffered does the request continue, as an asynchronous dispatch, with the bytes in memory. A
 * client that trickles or stalls its body therefore costs a connection, not a worker: it cannot
 * starve the service. Limits: {@code maxBytes} (413 at once when Content-Length says so, else as
 * soon as the count passes it) and {@code readTimeout} for the whole body (408). Both refusals
 * close the connection, since the rest of the body is never read.
 *
 * <p>Form-encoded bodies are refused with 415 before any read: the API takes JSON only, and the
 * container would otherwise read a form body itself, blocking, to find request parameters. The one
 * exception is the POST of a hosted authorize form ({@code /auth/{provider}/authorize}), an HTML form
 * a browser submits: it is buffered like any body and read by {@link FormBody}.
 */
final class BodyBufferFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BodyBufferFilter.class);
    private static final String BODY = BodyBufferFilter.class.getName() + ".body";
    private static final java.util.regex.Pattern FORM_ROUTE = java.util.regex.Pattern.compile("/auth/[^/]+/authorize");

    private final transient ProblemWriter problems;
    private final int maxBytes;
    private final Duration readTimeout;

    BodyBufferFilter(ProblemWriter problems, int maxBytes, Duration readTimeout) {
        this.problems = problems;
        this.maxBytes = maxBytes;
        this.readTimeout = readTimeout;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY);
            chain.doFilter(body instanceof byte[] bytes ? new BufferedRequest(request, bytes) : request, response);
            return;
        }
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length == 0 || (length < 0 && !chunked)) {
            chain.doFilter(request, response);
            return;
        }
        if (isForm(request.getContentType()) && !isFormRoute(request)) {
            refuse(response, WebError.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (length > maxBytes) {
            refuse(response, WebError.PAYLOAD_TOO_LARGE);
            return;
        }
        byte[] arrived = arrivedWhole(request, length);
        if (arrived != null) {
            // the usual case: a small body that came with the headers, read without waiting
            chain.doFilter(new BufferedRequest(request, arrived), response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(readTimeout.toMillis());
        BodyReader reader = new BodyReader(request, response, async, request.getInputStream(), length);
        async.addListener(reader);
        reader.in.setReadListener(reader);
    }

    /**
     * The whole body when Content-Length announced it and all of it is already buffered (so the
     * reads below cannot block), else {@code null}: it is then read asynchronously.
     */
    private static byte[] arrivedWhole(HttpServletRequest request, long length) throws IOException {
        if (length <= 0) {
            return null;
        }
        ServletInputStream in = request.getInputStream();
        if (in.available() < length) {
            return null;
        }
        byte[] body = new byte[(int) length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, body.length - read);
            if (n < 0) {
                return null;
            }
            read += n;
        }
        return body;
    }

    private void refuse(HttpServletResponse response, WebError error) throws IOException {
        // the rest of the body is never read: the connection cannot carry another request
        response.setHeader("Connection", "close");
        problems.write(response, error);
    }

    private static boolean isFormRoute(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && FORM_ROUTE.matcher(request.getRequestURI()).matches();
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /** Collects the body as it arrives; ends with a dispatch (all read) or a refusal (too large, too slow). */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body;
        private final byte[] chunk = new byte[4096];
        private final AtomicBoolean ended = new AtomicBoolean();

        BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async, ServletInputStream in,
                   long length) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.in = in;
            this.body = new ByteArrayOutputStream(length > 0 ? (int) length : 256);
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                body.write(chunk, 0, n);
                if (body.size() > maxBytes) {
                    end(WebError.PAYLOAD_TOO_LARGE);
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (ended.compareAndSet(false, true)) {
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away (or the read failed): nobody to answer
            if (ended.compareAndSet(false, true)) {
                // a container thread the request id valve did not set up
                RequestIds.withMdc(request, () -> LOG.debug("request body read failed: {}", failure.getClass().getName()));
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end(WebError.REQUEST_TIMEOUT);
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable() == null ? new IOException("async error") : event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release: the buffer goes with the request
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private void end(WebError error) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            try {
                refuse(response, error);
            } catch (IOException | IllegalStateException e) {
                RequestIds.withMdc(request, () -> LOG.debug("could not answer {}: {}", error.status(), e.getClass().getName()));
            }
            async.complete();
        }
    }

    /** The request with its body served from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BufferedInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BufferedInputStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body is already read");
        }
    }
}
