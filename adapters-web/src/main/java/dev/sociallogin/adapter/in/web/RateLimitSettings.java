package dev.sociallogin.adapter.in.web;

import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.settings.SettingsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-client rate limits ({@code AUTH_RATE_LIMIT_LOGIN} on authorize, callback and provider login;
 * {@code AUTH_RATE_LIMIT_REFRESH} on refresh) and whose {@code X-Forwarded-For} names the client
 * ({@code AUTH_TRUSTED_PROXIES}). Read and checked once by {@link #from}; {@link #off()} for tests that
 * are about something else.
 */
public final class RateLimitSettings {

    public static final String AUTH_RATE_LIMIT_LOGIN = "AUTH_RATE_LIMIT_LOGIN";
    public static final String AUTH_RATE_LIMIT_REFRESH = "AUTH_RATE_LIMIT_REFRESH";
    public static final String AUTH_TRUSTED_PROXIES = "AUTH_TRUSTED_PROXIES";
    static final String DEFAULT_LOGIN = "30/5m";
    static final String DEFAULT_REFRESH = "150/5m";
    /**
     * Clients whose buckets are kept per limit; beyond it the least recently seen are dropped (and start
     * afresh if they return). Bounds the memory an address flood can take: about 460 bytes a client
     * (measured by {@code RateLimiterTest}), so some 23 MB per limit at most.
     */
    static final int DEFAULT_MAX_CLIENTS = 50_000;

    private final RateLimit login;
    private final RateLimit refresh;
    private final List<IpRange> trustedProxies;
    private final int maxClients;

    RateLimitSettings(RateLimit login, RateLimit refresh, List<IpRange> trustedProxies, int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive");
        }
        this.login = login;
        this.refresh = refresh;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.maxClients = maxClients;
    }

    /**
     * The contract's variables, read and checked once.
     *
     * @throws InvalidSettingException naming the first variable whose value cannot be used
     */
    public static RateLimitSettings from(Function<String, String> variables) {
        SettingsSource source = new SettingsSource(variables);
        return new RateLimitSettings(limit(source, AUTH_RATE_LIMIT_LOGIN, DEFAULT_LOGIN), limit(source, AUTH_RATE_LIMIT_REFRESH,
                DEFAULT_REFRESH), proxies(source), DEFAULT_MAX_CLIENTS);
    }

    /** No limits, no trusted proxy. */
    public static RateLimitSettings off() {
        return new RateLimitSettings(null, null, List.of(), DEFAULT_MAX_CLIENTS);
    }

    Optional<RateLimit> login() {
        return Optional.ofNullable(login);
    }

    Optional<RateLimit> refresh() {
        return Optional.ofNullable(refresh);
    }

    List<IpRange> trustedProxies() {
        return trustedProxies;
    }

    int maxClients() {
        return maxClients;
    }

    private static RateLimit limit(SettingsSource source, String name, String fallback) {
        try {
            return RateLimit.parse(source.text(name, fallback)).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(name, e.getMessage());
        }
    }

    private static List<IpRange> proxies(SettingsSource source) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : source.list(AUTH_TRUSTED_PROXIES)) {
            try {
                ranges.add(IpRange.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(AUTH_TRUSTED_PROXIES, "every entry must be an IP address or a CIDR range");
            }
        }
        return ranges;
    }
}
