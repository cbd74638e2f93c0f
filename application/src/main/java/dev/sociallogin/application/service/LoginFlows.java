package dev.sociallogin.application.service;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Browser login flows from authorize to callback. {@link #begin} draws a new flow and seals it for
 * the browser's cookie; {@link #complete} takes the callback's {@code state} and cookie and answers
 * the flow only when the cookie is one we sealed, for this provider, not expired, its state equal
 * (constant time) to the callback's, and not used before; otherwise {@code INVALID_STATE}.
 *
 * <p>Single use: the states of completed flows are remembered until their flow expires, in memory,
 * at most {@value #MAX_REMEMBERED} of them (the oldest forgotten first). That covers a replay to
 * this instance; several instances do not share it, and there the provider's authorization code,
 * which is single-use at every provider, is what stops a replayed callback.
 */
public final class LoginFlows {

    /** How long a browser has from authorize to callback; also the cookie's Max-Age. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_REMEMBERED = 100_000;

    private final LoginFlowCodec codec;
    private final Clock clock;
    /** state of a completed flow → its expiry; insertion order is expiry order (one lifetime for all). */
    private final Map<String, Instant> completed = new LinkedHashMap<>();

    public LoginFlows(LoginFlowCodec codec, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new flow for {@code provider}, expiring one {@link #LIFETIME} from now. */
    LoginFlow begin(ProviderName provider) {
        return LoginFlow.begin(provider, clock.instant().plus(LIFETIME));
    }

    String seal(LoginFlow flow) {
        return codec.encode(flow);
    }

    /** The flow the callback completes, used up by this call; {@code INVALID_STATE} for anything else. */
    LoginFlow complete(ProviderName provider, String state, String flowCookie) {
        LoginFlow flow = check(provider, state, flowCookie);
        if (!firstUse(flow, clock.instant())) {
            throw invalid("login flow already used");
        }
        return flow;
    }

    /**
     * The flow the state and cookie name, checked as {@link #complete} does but not used up (a hosted
     * authorize form, whose callback follows); {@code INVALID_STATE} for anything else, also for a
     * flow already completed.
     */
    LoginFlow check(ProviderName provider, String state, String flowCookie) {
        if (flowCookie == null || flowCookie.isEmpty() || state == null || state.isEmpty()) {
            throw invalid("no state or no state cookie");
        }
        LoginFlow flow = codec.decode(flowCookie);
        Instant now = clock.instant();
        if (!flow.provider().equals(provider)) {
            throw invalid("state cookie of another provider");
        }
        if (flow.isExpiredAt(now)) {
            throw invalid("login flow expired");
        }
        if (!flow.stateMatches(state)) {
            throw invalid("state does not match the cookie");
        }
        if (used(flow)) {
            throw invalid("login flow already used");
        }
        return flow;
    }

    private synchronized boolean used(LoginFlow flow) {
        return completed.containsKey(flow.state());
    }

    private synchronized boolean firstUse(LoginFlow flow, Instant now) {
        for (Iterator<Instant> expiries = completed.values().iterator(); expiries.hasNext(); ) {
            if (!now.isBefore(expiries.next())) {
                expiries.remove();
            } else {
                break;
            }
        }
        if (completed.containsKey(flow.state())) {
            return false;
        }
        if (completed.size() >= MAX_REMEMBERED) {
            Iterator<String> oldest = completed.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        completed.put(flow.state(), flow.expiresAt());
        return true;
    }

    /** How many completed flows are remembered now (tests). */
    synchronized int remembered() {
        return completed.size();
    }

    private static DomainException invalid(String why) {
        return new DomainException(ErrorCode.INVALID_STATE, why);
    }
}
