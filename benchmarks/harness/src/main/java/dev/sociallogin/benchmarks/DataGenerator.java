package dev.sociallogin.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills an empty, migrated store (MariaDB or the embedded H2 file database) with users, their
 * Kakao identities, refresh-token families and refresh tokens, for growth runs: the service must
 * stay as fast with millions of rows as with none. The schema is the Flyway one, created by the
 * service's own migration beforehand; this only inserts rows, in multi-row INSERTs (MariaDB:
 * mysql-connector-j's rewriteBatchedStatements, foreign and unique checks off for the session;
 * H2: JDBC batches, referential integrity off while loading), committing every {@value #COMMIT_ROWS}
 * rows. Nothing it sets outlives its connection: the service finds the store as a migration left it.
 *
 * <p>The rows look like the service's own: user {@code n} is Kakao user {@link KakaoIds#seeded}
 * ({@code kakao_<id>}, so the driver's "known user" logins find them), 4 in 5 with a verified
 * email; each family belongs to a pseudo-random user, started within the last 6 days (10% of them
 * revoked since), and holds a chain of {@code tokensPerFamily} tokens an hour apart, all but the
 * last rotated; nothing has expired, so the hourly purge finds nothing to do during a run. Ids
 * are UUID-shaped like {@code TokenId.random()}, but ascending (a sequence number in the leading
 * digits, random digits after): the primary-key B-trees are then written in order, which keeps
 * the load fast once a table outgrows the buffer pool; the service's own inserts during the run
 * stay random, as in production.
 */
final class DataGenerator {

    static final int TOKENS_PER_FAMILY = 5;
    private static final int BATCH_ROWS = 2_000;
    private static final int COMMIT_ROWS = 50_000;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final long FAMILY_SEED = 42;
    private static final long TOKEN_SEED = 4242;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** How long each part took. */
    record Timing(long usersMillis, long familiesMillis, long tokensMillis, long families) {

        long totalMillis() {
            return usersMillis + familiesMillis + tokensMillis;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "generation %.1f s (users + identities %.1f s, families %.1f s, tokens %.1f s)",
                    totalMillis() / 1000.0, usersMillis / 1000.0, familiesMillis / 1000.0, tokensMillis / 1000.0);
        }
    }

    private DataGenerator() {
    }

    /** The service's embedded database under {@code dataDir}, with the service's own URL options. */
    static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("social-login")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=5000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Standalone: {@code datagen --url <jdbc url> [--user u --password p] --users N --tokens M}, or
     * {@code --data-dir DIR} for the embedded database. The store must be migrated and empty.
     */
    static void main(Args args) throws SQLException {
        String url = args.has("data-dir") ? embeddedUrl(Path.of(args.required("data-dir"))) : args.required("url");
        boolean h2 = url.startsWith("jdbc:h2:");
        String user = args.value("user", h2 ? "sa" : Orchestrator.envOr("AUTH_TEST_DB_USER", "social_login"));
        String password = args.value("password", h2 ? "" : Orchestrator.envOr("AUTH_TEST_DB_PASSWORD", "social_login_ci_pw"));
        Timing timing = generate(url, user, password,
                args.longValue("users", 1_000_000), args.longValue("tokens", 5_000_000), args.intValue("tokens-per-family", TOKENS_PER_FAMILY));
        System.out.println(timing);
    }

    static Timing generate(String url, String user, String password, long users, long tokens, int tokensPerFamily) throws SQLException {
        boolean h2 = url.startsWith("jdbc:h2:");
        // No H2 tuning in the URL: CACHE_SIZE and the like are stored in the database and would change the service's own settings
        String connectUrl = h2 ? url : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = DriverManager.getConnection(connectUrl, user, password)) {
            connection.setAutoCommit(false);
            requireEmpty(connection);
            try (Statement statement = connection.createStatement()) {
                // consistent by construction; checking each row would only slow the load down (H2: until the connection closes)
                if (h2) {
                    statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                } else {
                    statement.execute("SET SESSION foreign_key_checks = 0");
                    statement.execute("SET SESSION unique_checks = 0");
                }
            }
            long t0 = System.nanoTime();
            insertUsers(connection, users, now);
            // explicit ids move the auto-increment on in both (H2 in MySQL mode too): the next registration gets users + 1
            long t1 = System.nanoTime();
            long families = (tokens + tokensPerFamily - 1) / tokensPerFamily;
            insertFamilies(connection, families, users, now);
            long t2 = System.nanoTime();
            insertTokens(connection, families, tokens, tokensPerFamily, users, now);
            long t3 = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                if (h2) {
                    statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
                } else {
                    statement.execute("SET SESSION unique_checks = 1");
                    statement.execute("SET SESSION foreign_key_checks = 1");
                }
            }
            return new Timing((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, families);
        }
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM refresh_tokens)")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException("the store is not empty: generate into a new, migrated store");
            }
        }
    }

    private static void insertUsers(Connection connection, long users, Instant now) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO users (id, username, email, nickname, property, last_login,"
                + " date_joined, active, sessions_revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, NULL)");
                PreparedStatement identity = connection.prepareStatement(
                        "INSERT INTO social_identities (provider, subject, user_id, created_at) VALUES ('kakao', ?, ?, ?)")) {
            for (long n = 1; n <= users; n++) {
                long subject = KakaoIds.seeded(n);
                String joined = datetime(now.minus(Duration.ofDays(90 - n % 30)).minusSeconds(n % 86_400));
                user.setLong(1, n);
                user.setString(2, "kakao_" + subject);
                user.setString(3, n % 5 == 0 ? null : "user" + subject + "@bench.example");
                user.setString(4, "사용자" + n);
                user.setLong(5, 3_000_000L);
                user.setString(6, datetime(now.minus(Duration.ofDays(n % 30)).minusSeconds(n % 3_600)));
                user.setString(7, joined);
                user.addBatch();
                identity.setString(1, Long.toString(subject));
                identity.setLong(2, n);
                identity.setString(3, joined);
                identity.addBatch();
                if (n % BATCH_ROWS == 0 || n == users) {
                    user.executeBatch();
                    identity.executeBatch();
                }
                if (n % COMMIT_ROWS == 0 || n == users) {
                    connection.commit();
                }
            }
        }
    }

    private static void insertFamilies(Connection connection, long families, long users, Instant now) throws SQLException {
        SplittableRandom random = new SplittableRandom(FAMILY_SEED);
        try (PreparedStatement family = connection.prepareStatement(
                "INSERT INTO refresh_token_families (id, user_id, started_at, revoked_at) VALUES (?, ?, ?, ?)")) {
            for (long f = 0; f < families; f++) {
                Instant started = familyStart(f, now);
                family.setString(1, orderedUuid(0xf, f, random));
                family.setLong(2, familyUser(f, users));
                family.setString(3, datetime(started));
                family.setString(4, revoked(f) ? datetime(started.plus(Duration.ofDays(1))) : null);
                family.addBatch();
                if ((f + 1) % BATCH_ROWS == 0 || f + 1 == families) {
                    family.executeBatch();
                }
                if ((f + 1) % COMMIT_ROWS == 0 || f + 1 == families) {
                    connection.commit();
                }
            }
        }
    }

    private static void insertTokens(Connection connection, long families, long tokens, int perFamily, long users, Instant now)
            throws SQLException {
        // the family ids again, from the same random sequence: regenerated rather than held (millions of strings)
        SplittableRandom familyIds = new SplittableRandom(FAMILY_SEED);
        SplittableRandom random = new SplittableRandom(TOKEN_SEED);
        try (PreparedStatement token = connection.prepareStatement("INSERT INTO refresh_tokens (jti, family_id, user_id, issued_at,"
                + " expires_at, replaced_by, rotated_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long t = 0;
            String next = orderedUuid(0x1, 0, random);
            for (long f = 0; f < families && t < tokens; f++) {
                String familyId = orderedUuid(0xf, f, familyIds);
                long user = familyUser(f, users);
                Instant started = familyStart(f, now);
                int chain = (int) Math.min(perFamily, tokens - t);
                for (int j = 0; j < chain; j++, t++) {
                    String jti = next;
                    next = orderedUuid(0x1, t + 1, random);
                    boolean last = j == chain - 1;
                    Instant issued = started.plus(Duration.ofHours(j));
                    String rotated = last ? null : datetime(issued.plus(Duration.ofHours(1)));
                    token.setString(1, jti);
                    token.setString(2, familyId);
                    token.setLong(3, user);
                    token.setString(4, datetime(issued));
                    token.setString(5, datetime(issued.plus(Duration.ofDays(7))));
                    token.setString(6, last ? null : next);
                    token.setString(7, rotated);
                    token.setString(8, !last ? rotated : revoked(f) ? datetime(started.plus(Duration.ofDays(1))) : null);
                    token.addBatch();
                    if ((t + 1) % BATCH_ROWS == 0 || t + 1 == tokens) {
                        token.executeBatch();
                    }
                    if ((t + 1) % COMMIT_ROWS == 0 || t + 1 == tokens) {
                        connection.commit();
                    }
                }
            }
            token.executeBatch();
            connection.commit();
        }
    }

    /** Started within the last 6 days and at least a day ago: the chain of hourly rotations lies in the past. */
    private static Instant familyStart(long family, Instant now) {
        return now.minus(Duration.ofDays(6)).plusSeconds(family * 7_919 % (5 * 86_400));
    }

    private static long familyUser(long family, long users) {
        return 1 + Math.floorMod(family * 2_654_435_761L, users);
    }

    private static boolean revoked(long family) {
        return family % 10 == 9;
    }

    /**
     * A UUID-shaped id (36 characters, version nibble 4) whose first 12 hex digits are {@code kind}
     * and {@code seq}, so ids sort in generation order; the other digits random.
     */
    static String orderedUuid(int kind, long seq, SplittableRandom random) {
        char[] id = new char[36];
        long high = ((long) kind << 44) | (seq & 0xFFF_FFFF_FFFFL);
        int p = 0;
        for (int i = 11; i >= 0; i--) {
            id[p++] = HEX[(int) (high >>> (i * 4)) & 0xF];
            if (p == 8) {
                id[p++] = '-';
            }
        }
        id[p++] = '-';
        id[p++] = '4';
        long bits = random.nextLong();
        for (int i = 0; i < 3; i++) {
            id[p++] = HEX[(int) (bits >>> (i * 4)) & 0xF];
        }
        id[p++] = '-';
        id[p++] = HEX[8 + (int) ((bits >>> 12) & 0x3)];
        for (int i = 0; i < 3; i++) {
            id[p++] = HEX[(int) (bits >>> (16 + i * 4)) & 0xF];
        }
        id[p++] = '-';
        long more = random.nextLong();
        for (int i = 0; i < 12; i++) {
            id[p++] = HEX[(int) (more >>> (i * 4)) & 0xF];
        }
        return new String(id);
    }

    private static String datetime(Instant instant) {
        return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
