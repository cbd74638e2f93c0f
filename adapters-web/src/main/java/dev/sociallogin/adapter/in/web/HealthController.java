package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.CheckHealthUseCase;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health for load balancers and orchestrators. {@code /health} (v1): UP while storage answers, DOWN
 * (503) while it is unreachable; it waits for start-up. {@code /health/live}: UP while this process
 * serves HTTP, nothing else checked (a database outage must not get a healthy process restarted).
 * {@code /health/ready}: UP once start-up is done and storage answers, else DOWN at once: whether to
 * send this instance logins now.
 */
@RestController
final class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final Map<String, String> UP = Map.of("status", "UP");
    private static final Map<String, String> DOWN = Map.of("status", "DOWN");

    private final CheckHealthUseCase health;
    private final Readiness readiness;

    HealthController(CheckHealthUseCase health, Readiness readiness) {
        this.health = health;
        this.readiness = readiness;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        return answer(storageAnswers());
    }

    @GetMapping("/health/live")
    ResponseEntity<Map<String, String>> live() {
        return answer(true);
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, String>> ready() {
        return answer(readiness.isStarted() && storageAnswers());
    }

    private boolean storageAnswers() {
        try {
            return health.isHealthy();
        } catch (RuntimeException e) {
            // a health check that fails is a DOWN, not a 500
            LOG.warn("health check failed: {}", e.getClass().getName());
            return false;
        }
    }

    private static ResponseEntity<Map<String, String>> answer(boolean up) {
        return up ? LoginController.json(HttpStatus.OK, UP) : LoginController.json(HttpStatus.SERVICE_UNAVAILABLE, DOWN);
    }
}
