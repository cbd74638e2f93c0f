package dev.sociallogin.provider.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's discovery document ({@code <issuer>/.well-known/openid-configuration}), fetched when
 * first needed (or ahead, in the background) and then kept. Start-up never waits for it: a login
 * while the issuer is unreachable fails {@code PROVIDER_UNAVAILABLE} within the HTTP client's
 * timeouts, and a failed fetch is not retried for {@link #RETRY_AFTER}, so an issuer that is down is
 * not asked again by every login. Thread-safe: concurrent first logins share one fetch.
 */
public final class OidcDiscovery {

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OidcDiscovery.class);

    private final ProviderHttp http;
    private final String issuer;
    private final HttpUrl documentUrl;
    private final Clock clock;
    private OidcMetadata metadata;
    private Instant retryAt = Instant.MIN;

    /** @param issuer the configured issuer identifier, exactly as the issuer writes it in its tokens */
    public OidcDiscovery(ProviderHttp http, String issuer, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        // RFC 8414 §3 / OIDC Discovery §4: the well-known path appended to the issuer, trailing slash dropped
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.documentUrl = HttpUrl.get(URI.create(base + "/.well-known/openid-configuration").toString());
    }

    public String issuer() {
        return issuer;
    }

    /** The issuer's metadata; {@code PROVIDER_UNAVAILABLE} while it cannot be had. */
    public synchronized OidcMetadata metadata() {
        if (metadata != null) {
            return metadata;
        }
        if (clock.instant().isBefore(retryAt)) {
            throw ProviderErrors.unavailable(http.provider() + " discovery failed moments ago; not retried yet");
        }
        try {
            OidcMetadata read = OidcMetadata.read(http.get(documentUrl, "discovery document", ProviderErrors.failing(http.provider(), "discovery document")), issuer);
            if (read == null) {
                log.error("{} configuration error: the discovery document at {} names another issuer or lacks an endpoint;"
                        + " check the configured issuer URL", http.provider(), documentUrl);
                throw ProviderErrors.unavailable(http.provider() + " discovery document unusable");
            }
            metadata = read;
            log.info("{} discovery read: issuer {}", http.provider(), issuer);
            return metadata;
        } catch (RuntimeException e) {
            retryAt = clock.instant().plus(RETRY_AFTER);
            throw e;
        }
    }

    /** Fetches the metadata on a daemon thread now, so the first login does not wait for it; failures are only logged. */
    public void prefetchInBackground(Runnable alsoThen) {
        Thread thread = new Thread(() -> {
            try {
                metadata();
                alsoThen.run();
            } catch (RuntimeException e) {
                log.warn("{} discovery not available yet ({}); logins retry it", http.provider(), e.getMessage());
            }
        }, "oidc-discovery-" + http.provider());
        thread.setDaemon(true);
        thread.start();
    }
}
