package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.LogoutScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the HTTP side counts: every request's duration by method, route template and status
 * ({@code http_server_requests_seconds}, a histogram), and completed logouts by scope
 * ({@code auth_logouts_total}). Every label is bounded: methods outside the standard ones are
 * {@code OTHER}, routes are templates ({@link Routes}).
 */
final class RequestMetrics {

    static final String REQUESTS = "http.server.requests";
    static final String LOGOUTS = "auth.logouts";
    /** Histogram buckets: from a cached answer to a provider call that timed out. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");
    private static final String LOGOUT_ROUTE = "/auth/logout";

    private final MeterRegistry registry;
    private final Routes routes;
    private final Map<LogoutScope, Counter> logouts = new EnumMap<>(LogoutScope.class);

    RequestMetrics(MeterRegistry registry, Routes routes) {
        this.registry = registry;
        this.routes = routes;
        for (LogoutScope scope : LogoutScope.values()) {
            logouts.put(scope, Counter.builder(LOGOUTS)
                    .description("Completed logouts (202) by scope")
                    .tag("scope", scope.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void record(HttpServletRequest request, HttpServletResponse response, long nanos) {
        String method = request.getMethod();
        String route = routes.templateOf(request);
        int status = response.getStatus();
        Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (status == 202 && LOGOUT_ROUTE.equals(route) && "POST".equals(method)) {
            // a 202 means the controller accepted the scope, so it parses
            LogoutScope.parse(request.getParameter("scope")).map(logouts::get).ifPresent(Counter::increment);
        }
    }
}
