package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The route template of a request, for meters: Spring MVC's best-matching pattern when a handler
 * took the request; else (answered by a filter, or a method the route does not allow) the most
 * specific mapped pattern its path matches; else {@value #UNMATCHED}. Never the raw path: ids and
 * tokens in paths would make every request a label of its own.
 */
final class Routes {

    static final String UNMATCHED = "UNMATCHED";

    private volatile List<PathPattern> patterns = List.of();

    /** Reads the mapped patterns once the MVC context has started. */
    void load(ApplicationContext mvc) {
        List<PathPattern> found = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mvc.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<PathPattern> mapped = info.getPathPatternsCondition() == null ? Set.of()
                        : info.getPathPatternsCondition().getPatterns();
                found.addAll(mapped);
            }
        }
        found.sort(PathPattern.SPECIFICITY_COMPARATOR);
        patterns = List.copyOf(found);
    }

    String templateOf(HttpServletRequest request) {
        Object best = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (best instanceof String pattern) {
            return pattern;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return pattern.getPatternString();
            }
        }
        return UNMATCHED;
    }
}
