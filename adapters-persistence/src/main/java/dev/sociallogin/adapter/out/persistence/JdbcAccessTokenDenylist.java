package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Revoked access tokens, answered from memory: {@link #isDenied} never touches the database. A
 * revocation is held in memory at once and written to {@code denied_access_tokens}; a background poll
 * picks up what other instances wrote since the last poll, so it takes effect everywhere within
 * {@link #DEFAULT_POLL_INTERVAL} plus one query. Entries leave memory once their token has expired.
 *
 * <p>The poll's watermark is the database's own clock ({@code denied_at} defaults to it), read before
 * each poll and moved back by {@link #WATERMARK_OVERLAP}: a row stamped before the watermark but
 * committed after the poll read past it is still picked up by the next poll. Rows read twice are
 * harmless.
 *
 * <p>A denied session is a row too, keyed {@value #SESSION_PREFIX} + the family id (56 characters
 * at most, so the key fits the column): no jti can equal it, since every jti we issue is a UUID.
 *
 * <p>Lifecycle: {@link #start()} loads every live revocation and starts the poll; {@link #close()}
 * stops it.
 */
public final class JdbcAccessTokenDenylist implements AccessTokenDenylist, AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    /** Longer than any commit of a one-row insert can lag behind its {@code denied_at} stamp. */
    static final Duration WATERMARK_OVERLAP = Duration.ofSeconds(10);
    private static final int PURGE_BATCH = 5000;
    /** The key prefix of a denied session; the rows of the last release used it too, so they stay valid. */
    static final String SESSION_PREFIX = "family:";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAccessTokenDenylist.class);

    private final JdbcSupport db;
    private final Clock clock;
    private final Duration pollInterval;
    private final Map<String, Instant> denied = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    /** Database time of the start of the last successful poll; only the poll thread touches it after start. */
    private volatile LocalDateTime watermark;
    private volatile boolean pollFailing;

    public JdbcAccessTokenDenylist(DataSource dataSource, Clock clock, Duration pollInterval) {
        this.db = new JdbcSupport(dataSource);
        this.clock = clock;
        this.pollInterval = pollInterval;
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("poll interval must be more than 0 and at most 1 s");
        }
    }

    public JdbcAccessTokenDenylist(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_POLL_INTERVAL);
    }

    /** Loads the live revocations and starts polling; {@code STORAGE_UNAVAILABLE} when the database is down. */
    public void start() {
        synchronized (lifecycle) {
            if (poller != null) {
                return;
            }
            loadAll();
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "access-denylist-poll");
                thread.setDaemon(true);
                return thread;
            });
            long period = pollInterval.toMillis();
            executor.scheduleWithFixedDelay(this::pollSafely, period, period, TimeUnit.MILLISECONDS);
            poller = executor;
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (poller == null) {
                return;
            }
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public void deny(TokenId id, Instant expiresAt) {
        deny(id.value(), expiresAt);
    }

    @Override
    public boolean isDenied(TokenId id) {
        return denied.containsKey(id.value());
    }

    @Override
    public void denySession(FamilyId family, Instant until) {
        deny(SESSION_PREFIX + family.value(), until);
    }

    @Override
    public boolean isSessionDenied(FamilyId family) {
        return denied.containsKey(SESSION_PREFIX + family.value());
    }

    private void deny(String key, Instant expiresAt) {
        // memory first: the revocation holds on this instance even if the write below fails
        denied.merge(key, expiresAt, (old, now) -> now.isAfter(old) ? now : old);
        db.call("deny access token", () -> {
            try {
                return db.jdbc.update("INSERT INTO denied_access_tokens (jti, expires_at) VALUES (?, ?)", key, JdbcSupport.toDb(expiresAt));
            } catch (DuplicateKeyException alreadyDenied) {
                return 0;
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        evictExpired(now);
        return db.call("purge denied access tokens", () -> {
            int total = 0;
            int deleted;
            do {
                deleted = db.jdbc.update("DELETE FROM denied_access_tokens WHERE expires_at < ? LIMIT " + PURGE_BATCH,
                        JdbcSupport.toDb(now));
                total += deleted;
            } while (deleted == PURGE_BATCH);
            return total;
        });
    }

    /** One poll now (the background task calls this); package-private for tests. */
    void poll() {
        LocalDateTime since = watermark.minus(WATERMARK_OVERLAP);
        LocalDateTime next = databaseNow();
        Instant now = clock.instant();
        db.call("poll denied access tokens", () -> {
            db.jdbc.query("SELECT jti, expires_at FROM denied_access_tokens WHERE denied_at >= ?",
                    rs -> {
                        remember(rs.getString("jti"), JdbcSupport.instant(rs, "expires_at"), now);
                    }, JdbcSupport.toDb(since));
            return null;
        });
        watermark = next;
        evictExpired(now);
    }

    private void pollSafely() {
        try {
            poll();
            if (pollFailing) {
                pollFailing = false;
                LOG.info("access token denylist poll recovered");
            }
        } catch (DomainException | IllegalArgumentException e) {
            // keep polling: the pool recovers by itself once the database is back
            if (!pollFailing) {
                pollFailing = true;
                LOG.warn("access token denylist poll failed: {}", e.getMessage());
            }
        }
    }

    private void loadAll() {
        LocalDateTime start = databaseNow();
        Instant now = clock.instant();
        db.call("load denied access tokens", () -> {
            db.jdbc.query("SELECT jti, expires_at FROM denied_access_tokens WHERE expires_at > ?",
                    rs -> {
                        remember(rs.getString("jti"), JdbcSupport.instant(rs, "expires_at"), now);
                    }, JdbcSupport.toDb(now));
            return null;
        });
        watermark = start;
    }

    private LocalDateTime databaseNow() {
        return db.call("read database clock", () -> db.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(6)", LocalDateTime.class));
    }

    private void remember(String jti, Instant expiresAt, Instant now) {
        if (expiresAt.isAfter(now)) {
            denied.merge(jti, expiresAt, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
        }
    }

    private void evictExpired(Instant now) {
        denied.values().removeIf(expiresAt -> expiresAt.isBefore(now));
    }

    /** How many revocations memory holds now (for tests and metrics). */
    int size() {
        return denied.size();
    }
}
