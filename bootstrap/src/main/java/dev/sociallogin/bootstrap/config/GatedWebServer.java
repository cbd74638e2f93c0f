package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.in.web.WebServer;

/** The started HTTP server and the gate its use cases wait on. */
public final class GatedWebServer implements AutoCloseable {

    private final WebServer server;
    private final WebGate gate;

    GatedWebServer(WebServer server, WebGate gate) {
        this.server = server;
        this.gate = gate;
    }

    public int port() {
        return server.port();
    }

    public WebGate gate() {
        return gate;
    }

    /**
     * Graceful stop. Requests still waiting for a start-up that failed are released first (they
     * answer 503), so a failed start does not wait for them.
     */
    @Override
    public void close() {
        gate.fail(new IllegalStateException("stopping"));
        server.close();
    }
}
