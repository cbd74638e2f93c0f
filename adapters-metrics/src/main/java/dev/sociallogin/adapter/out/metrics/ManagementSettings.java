package dev.sociallogin.adapter.out.metrics;

import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the management listener ({@code GET /metrics}) listens: loopback by default, so that only
 * the machine itself (a local Prometheus agent, a sidecar) can read the metrics unless the operator
 * opens it up.
 *
 * @param port    TCP port; 0: no management listener at all
 * @param address the local address it binds
 */
public record ManagementSettings(int port, InetAddress address) {

    public static final String AUTH_MANAGEMENT_PORT = "AUTH_MANAGEMENT_PORT";
    public static final String AUTH_MANAGEMENT_ADDRESS = "AUTH_MANAGEMENT_ADDRESS";
    public static final int DEFAULT_PORT = 9464;
    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    public ManagementSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        Objects.requireNonNull(address, "address");
    }

    /**
     * {@code AUTH_MANAGEMENT_PORT} and {@code AUTH_MANAGEMENT_ADDRESS}, read and checked once.
     *
     * @throws InvalidSettingException naming the variable whose value cannot be used
     */
    public static ManagementSettings from(Function<String, String> variables) {
        SettingsSource source = new SettingsSource(variables);
        int port = source.port(AUTH_MANAGEMENT_PORT, DEFAULT_PORT);
        String address = source.text(AUTH_MANAGEMENT_ADDRESS, DEFAULT_ADDRESS);
        try {
            return new ManagementSettings(port, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new InvalidSettingException(AUTH_MANAGEMENT_ADDRESS, "not an address of this machine");
        }
    }

    /** No management listener (the metrics are still recorded). */
    public static ManagementSettings disabled() {
        return new ManagementSettings(0, InetAddress.getLoopbackAddress());
    }

    public boolean enabled() {
        return port != 0;
    }
}
