package dev.sociallogin.application.port.in;

/** Liveness of the service's dependencies: {@code /health} answers DOWN while storage is unreachable. */
public interface CheckHealthUseCase {
    boolean isHealthy();
}
