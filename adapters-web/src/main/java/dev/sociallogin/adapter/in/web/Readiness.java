package dev.sociallogin.adapter.in.web;

/**
 * Whether the application behind the server has finished starting: until then {@code /health/ready}
 * answers DOWN at once instead of waiting for the use cases (which would hold the request until the
 * database has migrated).
 */
final class Readiness {

    private volatile boolean started;

    void started() {
        started = true;
    }

    boolean isStarted() {
        return started;
    }
}
