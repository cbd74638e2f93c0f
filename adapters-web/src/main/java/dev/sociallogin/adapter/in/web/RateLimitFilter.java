package dev.sociallogin.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Per-client rate limits on the routes that cost the most and invite guessing: the login routes
 * (authorize, callback, provider login) share one limit, refresh has its own. Matched by route
 * template before the body is read, so a limited client costs no body buffering and no use case. Over
 * the limit: 429 {@code rate_limited} with {@code Retry-After} in seconds, counted by route.
 */
final class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final List<String> LOGIN_ROUTES = List.of("/auth/{provider}/authorize", "/auth/{provider}/callback",
            "/auth/{provider}/login");
    static final String REFRESH_ROUTE = "/auth/refresh";
    static final String RATE_LIMITED = "auth.rate.limited";

    private final transient List<Rule> rules;
    private final transient ClientAddress clients;
    private final transient ProblemWriter problems;

    RateLimitFilter(RateLimitSettings settings, Clock clock, MeterRegistry meters, ProblemWriter problems) {
        this.clients = new ClientAddress(settings.trustedProxies());
        this.problems = problems;
        List<Rule> list = new ArrayList<>();
        settings.login().ifPresent(limit -> {
            // one bucket per client for all login routes: a client may not multiply its budget by route
            RateLimiter limiter = new RateLimiter(limit, settings.maxClients(), clock);
            LOGIN_ROUTES.forEach(route -> list.add(new Rule(route, limiter, meters)));
        });
        settings.refresh().ifPresent(limit -> list.add(new Rule(REFRESH_ROUTE, new RateLimiter(limit, settings.maxClients(), clock),
                meters)));
        this.rules = List.copyOf(list);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (rules.isEmpty() || request.getDispatcherType() == DispatcherType.ASYNC) {
            chain.doFilter(request, response);
            return;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (Rule rule : rules) {
            if (rule.pattern.matches(path)) {
                OptionalLong wait = rule.limiter.tryAcquire(ClientAddress.key(clients.of(request)));
                if (wait.isPresent()) {
                    rule.limited.increment();
                    // the route the request would have had: the request log and its meter name it so
                    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, rule.pattern.getPatternString());
                    response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                    problems.write(response, WebError.RATE_LIMITED);
                    return;
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    /** The limiter of this limit, for tests and figures. */
    RateLimiter limiter(String route) {
        return rules.stream().filter(rule -> rule.pattern.getPatternString().equals(route)).findFirst()
                .map(rule -> rule.limiter).orElseThrow();
    }

    private static final class Rule {
        final PathPattern pattern;
        final RateLimiter limiter;
        final Counter limited;

        Rule(String route, RateLimiter limiter, MeterRegistry meters) {
            this.pattern = PathPatternParser.defaultInstance.parse(route);
            this.limiter = limiter;
            this.limited = Counter.builder(RATE_LIMITED)
                    .description("Requests refused with 429 rate_limited, by route")
                    .tag("route", route)
                    .register(meters);
        }
    }
}
