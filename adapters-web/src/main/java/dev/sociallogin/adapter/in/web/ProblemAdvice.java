package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Set;

/**
 * The one mapper from failures to problem responses. The body is built from {@link WebError}
 * alone; exception messages never reach a client, and logs get the error code or class name only
 * where a message could quote the request.
 */
@RestControllerAdvice
final class ProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(ProblemWriter.PROBLEM_JSON);

    private final TokenCookies cookies;

    ProblemAdvice(TokenCookies cookies) {
        this.cookies = cookies;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemResponse> domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        WebError error = WebError.of(e.code());
        if (error.status() >= 500) {
            // DomainException messages are written for logs: they never carry a token, code or SQL
            LOG.warn("{} {} failed: {} ({})", request.getMethod(), RequestLogFilter.safePath(request), e.code(), e.getMessage());
        }
        return problem(error, request, response);
    }

    @ExceptionHandler(WebException.class)
    ResponseEntity<ProblemResponse> web(WebException e, HttpServletRequest request, HttpServletResponse response) {
        return problem(e.error(), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                                                     HttpServletResponse response) {
        Set<org.springframework.http.HttpMethod> allowed = e.getSupportedHttpMethods();
        if (allowed != null && !allowed.isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAllow(allowed);
            response.setHeader(HttpHeaders.ALLOW, headers.getFirst(HttpHeaders.ALLOW));
        }
        return problem(WebError.METHOD_NOT_ALLOWED, request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemResponse> unsupportedMediaType(HttpServletRequest request, HttpServletResponse response) {
        return problem(WebError.UNSUPPORTED_MEDIA_TYPE, request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemResponse> notAcceptable(HttpServletRequest request, HttpServletResponse response) {
        return problem(WebError.NOT_ACCEPTABLE, request, response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemResponse> unreadable(HttpServletRequest request, HttpServletResponse response) {
        return problem(WebError.INVALID_REQUEST, request, response);
    }

    /** The client went away while we answered: routine, nothing left to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(HttpServletRequest request) {
        LOG.debug("{} {} aborted by the client", request.getMethod(), RequestLogFilter.safePath(request));
    }

    /** The application behind the server failed to start while this request waited for it. */
    @ExceptionHandler(BeanCreationException.class)
    ResponseEntity<ProblemResponse> notStarted(HttpServletRequest request, HttpServletResponse response) {
        return problem(WebError.UNAVAILABLE, request, response);
    }

    // InvalidParameterException: Tomcat could not decode the query string (a stray %)
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class, IllegalArgumentException.class,
            InvalidParameterException.class})
    ResponseEntity<ProblemResponse> badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        LOG.debug("{} {} rejected as invalid: {}", request.getMethod(), RequestLogFilter.safePath(request), e.getClass().getName());
        return problem(WebError.INVALID_REQUEST, request, response);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemResponse> notFound(HttpServletRequest request, HttpServletResponse response) {
        return problem(WebError.NOT_FOUND, request, response);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemResponse> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (isClientAbort(e)) {
            LOG.debug("{} {} aborted by the client", request.getMethod(), RequestLogFilter.safePath(request));
            return null;
        }
        // the message (and a cause's) may quote input: the class and where it was thrown are enough to find it
        LOG.error("{} {} failed unexpectedly: {}", request.getMethod(), RequestLogFilter.safePath(request), describe(e));
        return problem(WebError.INTERNAL_ERROR, request, response);
    }

    private ResponseEntity<ProblemResponse> problem(WebError error, HttpServletRequest request, HttpServletResponse response) {
        if (error.status() == 401 && RequestTokens.isCookieAuthenticated(request)) {
            // a browser must not keep presenting a dead cookie
            cookies.delete(response);
        }
        return ResponseEntity.status(error.status()).contentType(PROBLEM_JSON).body(ProblemResponse.from(error));
    }

    static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "?" : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
        return e.getClass().getName() + " at " + where;
    }

    /** Tomcat's ClientAbortException or Spring's wrapper of it: the client went away, nothing to answer. */
    static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
