package dev.sociallogin.adapter.in.web;

import dev.sociallogin.application.port.in.CheckHealthUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code /health}: UP while the dependencies answer, DOWN (503) while storage is unreachable. */
@RestController
final class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final CheckHealthUseCase health;

    HealthController(CheckHealthUseCase health) {
        this.health = health;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        boolean up;
        try {
            up = health.isHealthy();
        } catch (RuntimeException e) {
            // a health check that fails is a DOWN, not a 500
            LOG.warn("health check failed: {}", e.getClass().getName());
            up = false;
        }
        return up
                ? LoginController.json(HttpStatus.OK, Map.of("status", "UP"))
                : LoginController.json(HttpStatus.SERVICE_UNAVAILABLE, Map.of("status", "DOWN"));
    }
}
