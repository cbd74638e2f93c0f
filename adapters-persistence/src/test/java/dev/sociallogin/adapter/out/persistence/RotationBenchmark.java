package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A refresh rotation against the real server: look the presented token up (what the use case
 * verifies against), then rotate it (lock the family, conditional UPDATE, INSERT the successor, one
 * transaction). {@link #adapter} goes through {@link JdbcRefreshTokenStore}; {@link #rawJdbc} sends
 * the very same statements with plain JDBC on the very same pool, the floor the adapter is measured
 * against. Not a test: run it as docs/benchmarks.md says.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(RotationBenchmark.THREADS)
public class RotationBenchmark {

    static final int THREADS = 4;
    static final int POOL_SIZE = THREADS;
    private static final Duration TTL = Duration.ofHours(1);

    private static final String FIND = "SELECT t.jti, t.family_id, t.user_id, t.issued_at, t.expires_at, f.started_at,"
            + " t.replaced_by, t.rotated_at, t.revoked_at"
            + " FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id WHERE t.jti = ?";
    private static final String LOCK = "SELECT id FROM refresh_token_families WHERE id = ? AND revoked_at IS NULL FOR UPDATE";
    private static final String ROTATE = "UPDATE refresh_tokens SET replaced_by = ?, rotated_at = ?, revoked_at = ?"
            + " WHERE jti = ? AND family_id = ? AND replaced_by IS NULL AND revoked_at IS NULL AND expires_at > ?";
    private static final String INSERT = "INSERT INTO refresh_tokens (jti, family_id, user_id, issued_at, expires_at,"
            + " replaced_by, rotated_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** One pool and one store for every thread of a run, as in the service. */
    @State(Scope.Benchmark)
    public static class Database {
        Persistence persistence;
        JdbcRefreshTokenStore store;
        DataSource dataSource;
        final ConcurrentLinkedQueue<FamilyId> families = new ConcurrentLinkedQueue<>();

        @Setup(Level.Trial)
        public void open() {
            persistence = Persistence.open(MariaDb.settings(MariaDb.URL, POOL_SIZE), Clock.systemUTC());
            store = (JdbcRefreshTokenStore) persistence.refreshTokens();
            dataSource = persistence.dataSource();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            // the database is shared: delete exactly the rows this run made
            try (Connection c = dataSource.getConnection();
                    PreparedStatement tokens = c.prepareStatement("DELETE FROM refresh_tokens WHERE family_id = ?");
                    PreparedStatement family = c.prepareStatement("DELETE FROM refresh_token_families WHERE id = ?")) {
                for (FamilyId id : families) {
                    tokens.setString(1, id.value());
                    tokens.executeUpdate();
                    family.setString(1, id.value());
                    family.executeUpdate();
                }
            }
            persistence.close();
        }
    }

    /** Each thread rotates its own chain, as one client refreshing again and again. */
    @State(Scope.Thread)
    public static class Chain {
        StoredRefreshToken current;

        @Setup(Level.Iteration)
        public void newFamily(Database db) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            current = TestData.aFirstToken(TestData.aUserId(), now, TTL);
            db.store.saveNewFamily(current);
            db.families.add(current.family());
        }

        StoredRefreshToken next() {
            return new StoredRefreshToken(TokenId.random(), current.family(), current.userId(), current.issuedAt(),
                    current.expiresAt(), current.familyStartedAt(), null, null, null);
        }
    }

    @Benchmark
    public StoredRefreshToken adapter(Database db, Chain chain) {
        StoredRefreshToken presented = db.store.find(chain.current.id()).orElseThrow();
        StoredRefreshToken successor = chain.next();
        if (!db.store.rotate(presented.id(), successor, Instant.now())) {
            throw new IllegalStateException("rotation lost in a single-threaded chain");
        }
        chain.current = successor;
        return presented;
    }

    @Benchmark
    public StoredRefreshToken rawJdbc(Database db, Chain chain) throws SQLException {
        StoredRefreshToken successor = chain.next();
        String now = JdbcSupport.toDb(Instant.now());
        String family = chain.current.family().value();
        StoredRefreshToken presented;
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement find = c.prepareStatement(FIND)) {
                find.setString(1, chain.current.id().value());
                try (ResultSet rs = find.executeQuery()) {
                    presented = rs.next() ? read(rs) : null;
                }
            }
            c.setAutoCommit(false);
            try {
                boolean won;
                try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                    lock.setString(1, family);
                    try (ResultSet rs = lock.executeQuery()) {
                        won = rs.next();
                    }
                }
                if (won) {
                    try (PreparedStatement rotate = c.prepareStatement(ROTATE)) {
                        List<String> args = List.of(successor.id().value(), now, now, presented.id().value(), family, now);
                        for (int i = 0; i < args.size(); i++) {
                            rotate.setString(i + 1, args.get(i));
                        }
                        won = rotate.executeUpdate() == 1;
                    }
                }
                if (won) {
                    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                        insert.setString(1, successor.id().value());
                        insert.setString(2, family);
                        insert.setLong(3, successor.userId().value());
                        insert.setString(4, JdbcSupport.toDb(successor.issuedAt()));
                        insert.setString(5, JdbcSupport.toDb(successor.expiresAt()));
                        insert.setString(6, null);
                        insert.setString(7, null);
                        insert.setString(8, null);
                        insert.executeUpdate();
                    }
                    c.commit();
                } else {
                    c.rollback();
                    throw new IllegalStateException("rotation lost in a single-threaded chain");
                }
            } finally {
                c.setAutoCommit(true);
            }
        }
        chain.current = successor;
        return presented;
    }

    /** The same mapping the adapter does, so both sides build the same object. */
    private static StoredRefreshToken read(ResultSet rs) throws SQLException {
        String replacedBy = rs.getString("replaced_by");
        return new StoredRefreshToken(new TokenId(rs.getString("jti")), new FamilyId(rs.getString("family_id")),
                new UserId(rs.getLong("user_id")),
                JdbcSupport.instant(rs, "issued_at"), JdbcSupport.instant(rs, "expires_at"), JdbcSupport.instant(rs, "started_at"),
                replacedBy == null ? null : new TokenId(replacedBy), JdbcSupport.instant(rs, "rotated_at"),
                JdbcSupport.instant(rs, "revoked_at"));
    }
}
