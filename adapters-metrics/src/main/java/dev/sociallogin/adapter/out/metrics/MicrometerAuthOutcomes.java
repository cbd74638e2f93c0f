package dev.sociallogin.adapter.out.metrics;

import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.RefreshOutcome;
import dev.sociallogin.domain.port.out.AuthOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The core's outcomes as counters: {@code auth_logins_total{provider, outcome}} and
 * {@code auth_refreshes_total{outcome}}. Labels are bounded: providers are the enabled ones (the core
 * reports no other), outcomes and codes closed sets. The refresh outcomes are registered at zero up
 * front, so a dashboard's rate of reuse is 0, not absent.
 */
final class MicrometerAuthOutcomes implements AuthOutcomes {

    static final String LOGINS = "auth.logins";
    static final String REFRESHES = "auth.refreshes";

    private final MeterRegistry registry;
    private final Map<RefreshOutcome, Counter> refreshes = new EnumMap<>(RefreshOutcome.class);

    MicrometerAuthOutcomes(MeterRegistry registry) {
        this.registry = registry;
        for (RefreshOutcome outcome : RefreshOutcome.values()) {
            refreshes.put(outcome, Counter.builder(REFRESHES)
                    .description("Refreshes (by the refresh route and silent ones) by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void loginSucceeded(ProviderName provider, boolean registered) {
        login(provider, registered ? "register" : "login");
    }

    @Override
    public void loginFailed(ProviderName provider, ErrorCode code) {
        login(provider, label(code));
    }

    @Override
    public void refreshed(RefreshOutcome outcome) {
        refreshes.get(outcome).increment();
    }

    private void login(ProviderName provider, String outcome) {
        Counter.builder(LOGINS)
                .description("Logins through a provider by outcome: login, register, or the contract's error code")
                .tag("provider", provider.value())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The contract's error code (what clients see), so that metrics and answers name a failure alike. */
    static String label(ErrorCode code) {
        return switch (code) {
            case PROVIDER_UNAVAILABLE -> "provider_error";
            case STORAGE_UNAVAILABLE -> "unavailable";
            case TOKEN_MISSING, TOKEN_NOT_VALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_REUSED, PROVIDER_REJECTED,
                    UNKNOWN_PROVIDER, INVALID_REQUEST, INVALID_STATE -> code.name().toLowerCase(Locale.ROOT);
        };
    }
}
