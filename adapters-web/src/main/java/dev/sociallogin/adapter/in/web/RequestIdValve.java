package dev.sociallogin.adapter.in.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;

/**
 * First on every request Tomcat hands over, before any filter or error report: settles the request
 * id ({@link RequestIds}), answers it in {@code X-Request-Id}, and holds it in the MDC while this
 * thread works on the request, also for the asynchronous continuation of a request whose body was
 * read in the background (the same id, kept in a request attribute).
 */
final class RequestIdValve extends ValveBase {

    RequestIdValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String id = RequestIds.of(request);
        if (id == null) {
            id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
            request.setAttribute(RequestIds.ATTRIBUTE, id);
            response.setHeader(RequestIds.HEADER, id);
        }
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
