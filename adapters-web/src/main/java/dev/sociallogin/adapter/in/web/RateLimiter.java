package dev.sociallogin.adapter.in.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One limit applied per client: a Bucket4j token bucket per client key, in a Caffeine cache bounded
 * in size (the least recently seen clients are dropped first) and in time (a bucket left alone for a
 * whole window is full again, the same as a new one, so dropping it loses nothing).
 */
final class RateLimiter {

    private final RateLimit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimit limit, int maxClients, Clock clock) {
        this.limit = limit;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(limit.window())
                .build();
    }

    /** Takes one request from the client's bucket: empty when allowed, else the whole seconds to wait (at least 1). */
    OptionalLong tryAcquire(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
    }

    /** Buckets held now, after pending evictions (for tests and figures). */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j's time from the injected clock. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
