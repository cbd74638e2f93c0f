package dev.sociallogin.adapter.in.web;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id ({@code X-Request-Id}): the client's own when it is 1-64 of {@code [A-Za-z0-9._-]}
 * (safe in a log line and a header), else a new random one; kept as a request attribute and put in
 * the logging MDC (key {@value #MDC_KEY}) on every thread that works on the request.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private RequestIds() {
    }

    /** The client's id when acceptable, else a fresh one. */
    static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : generate();
    }

    /** 20 random base-36 characters (103 bits): unique enough to find one request's lines, and no secret. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** The id given to {@code request}, or {@code null} outside a request. */
    static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String text ? text : null;
    }

    /** Runs {@code task} with the request's id in the MDC (a listener's thread, which the valve did not set up). */
    static void withMdc(ServletRequest request, Runnable task) {
        String id = of(request);
        String before = MDC.get(MDC_KEY);
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
        try {
            task.run();
        } finally {
            if (before == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, before);
            }
        }
    }
}
