package dev.sociallogin.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A side-by-side run (the {@code run} command; {@code benchmarks/run} builds the jars and calls it):
 * the start-up times, then for each store both services started on a fresh store, and for each
 * workload the load driver run against one, then the other, alternating from round to round
 * (current, baseline, then baseline, current, ...) so that a machine whose speed drifts slows both
 * alike. Everything goes into {@code --out}: the driver's raw results, the service logs (trimmed),
 * and {@code report.md}.
 */
final class Orchestrator {

    static final String KAKAO_CLIENT_ID = "bench-client-id";

    private final Args args;
    private final String java;
    private final Path harnessJar;
    private final Path out;
    private final int clients;
    private final double warmup;
    private final double rewarm;
    private final double window;
    private final int rounds;
    private final boolean keepLogs;
    private final String dbHostPort;
    private final String dbUser;
    private final String dbPassword;
    private final Variant current;
    private final Variant baseline;
    private final Report report;
    private int kakaoPort;
    private long kakaoPid = -1;
    private int driverRuns;

    private Orchestrator(Args args) throws IOException {
        this.args = args;
        this.java = args.value("java", ProcessHandle.current().info().command().orElse("java"));
        this.harnessJar = Path.of(args.value("harness-jar", harnessJarPath()));
        this.out = Path.of(args.value("out", "benchmarks/target/results/"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()))).toAbsolutePath();
        this.clients = args.intValue("clients", 16);
        this.warmup = args.doubleValue("warmup", 15);
        // the services stay up between rounds: later rounds may warm up for less (the driver's new JVM still needs a little)
        this.rewarm = args.doubleValue("rewarm", warmup);
        this.window = args.doubleValue("window", 10);
        this.rounds = args.intValue("rounds", 2);
        this.keepLogs = args.flag("keep-logs");
        this.dbHostPort = args.value("db-host", "127.0.0.1:3306");
        this.dbUser = args.value("db-user", envOr("AUTH_TEST_DB_USER", "social_login"));
        this.dbPassword = args.value("db-password", envOr("AUTH_TEST_DB_PASSWORD", "social_login_ci_pw"));
        long[] growth = growth(args.value("growth", null));
        boolean noArchive = args.flag("no-archive");
        Path currentDir = Path.of(args.required("current-dir")).toAbsolutePath();
        Path baselineDir = Path.of(args.value("baseline-dir", currentDir.toString())).toAbsolutePath();
        List<String> common = split(args.value("jvm-opts", ""));
        this.current = new Variant("current", args.value("current-label", "current"), currentDir,
                Variant.options(currentDir, noArchive, concat(common, split(args.value("jvm-opts-current", "")))),
                database(args.value("db-current", "social_login_bench")), growth[0], growth[1]);
        this.baseline = new Variant("baseline", args.value("baseline-label", "baseline"), baselineDir,
                Variant.options(baselineDir, noArchive, concat(common, split(args.value("jvm-opts-baseline", "")))),
                database(args.value("db-baseline", "social_login_bench_base")), 0, 0);
        Files.createDirectories(out.resolve("raw"));
        Files.createDirectories(out.resolve("logs"));
        this.report = new Report(current, baseline, growth[0] > 0);
    }

    static void main(Args args) throws Exception {
        new Orchestrator(args).run();
    }

    private void run() throws Exception {
        List<String> stores = switch (args.value("store", "both")) {
            case "both" -> List.of("embedded", "mariadb");
            case "embedded", "mariadb" -> List.of(args.value("store", "both"));
            default -> throw new IllegalArgumentException("--store must be embedded, mariadb or both");
        };
        String defaultWorkloads = current.seedUsers() > 0 ? "refresh,login" : String.join(",", Workloads.ALL);
        List<String> workloads = Arrays.asList(args.value("workloads", defaultWorkloads).split(","));
        workloads.forEach(w -> Workloads.create(w, args)); // fail fast on an unknown name
        long started = System.nanoTime();
        report.header(args.value("command", "(not given)"), javaVersion(), clients, warmup, rewarm, window, rounds, args.flag("restart"),
                stores, workloads);
        report.loadBefore(Proc.loadAverage());
        if (stores.contains("mariadb")) {
            report.databaseVersion(databaseVersion());
        }
        System.out.printf("== results in %s%n== %s%n== %s%n", out, describe(current), describe(baseline));

        Process kakao = startFakeKakao();
        try {
            int startupRounds = args.intValue("startup-rounds", current.seedUsers() > 0 ? 0 : 5);
            if (startupRounds > 0) {
                measureStartup(startupRounds);
            }
            for (String store : stores) {
                runStore(store, workloads);
            }
        } finally {
            kakao.destroy();
            kakao.waitFor(10, TimeUnit.SECONDS);
        }
        report.loadAfter(Proc.loadAverage());
        report.duration((System.nanoTime() - started) / 1_000_000_000L);
        Path file = out.resolve("report.md");
        Files.writeString(file, report.markdown());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("== report: " + file);
    }

    private void measureStartup(int startupRounds) throws Exception {
        System.out.printf("== start-up: %d rounds, embedded store on a new data directory each time%n", startupRounds);
        for (int round = 1; round <= startupRounds; round++) {
            for (Variant variant : ordered(round)) {
                Path data = Files.createTempDirectory(out, "startup-");
                int port = ServiceProcess.freePort();
                Path log = out.resolve("logs/startup-" + variant.role() + "-" + round + ".log");
                try (ServiceProcess service = ServiceProcess.start(java, variant, environment(variant, "embedded", data, port), port,
                        log, keepLogs)) {
                    long millis = service.awaitHealthy(120);
                    long cpu = service.cpuMillis();
                    report.startup(variant.role(), millis, cpu);
                    System.out.printf("   round %d %-8s healthy after %5d ms, CPU %5d ms%n", round, variant.role(), millis, cpu);
                } finally {
                    deleteTree(data);
                }
            }
        }
    }

    private void runStore(String store, List<String> workloads) throws Exception {
        System.out.printf("== store %s%n", store);
        Map<Variant, Path> dataDirs = new LinkedHashMap<>();
        for (Variant variant : List.of(current, baseline)) {
            Path data = out.resolve("data-" + store + "-" + variant.role());
            deleteTree(data);
            Files.createDirectories(data);
            dataDirs.put(variant, data);
            if (variant.seedUsers() > 0 && store.equals("mariadb") && args.flag("reuse-seeded") && isSeeded(variant)) {
                // generating millions of rows takes longer than the run: a database seeded by an earlier run is used as it is
                report.seedingReused(store, variant.database());
                System.out.printf("   reusing the seeded database %s for %s%n", variant.database(), variant.role());
                continue;
            }
            if (store.equals("mariadb")) {
                recreateDatabase(variant.database());
            }
            if (variant.seedUsers() > 0) {
                seed(store, variant, data);
            }
        }
        Map<Variant, ServiceProcess> services = new LinkedHashMap<>();
        boolean restart = args.flag("restart");
        try {
            startServices(store, dataDirs, services, 0);
            OptionalLong db = store.equals("mariadb") ? Proc.databaseServerPid() : OptionalLong.empty();
            int measured = 0;
            for (String workload : workloads) {
                for (int round = 1; round <= rounds; round++) {
                    if (restart && measured++ > 0) {
                        // a new JVM per round: a JIT that happened to compile one process better counts once, not in every round
                        for (ServiceProcess service : services.values()) {
                            service.close();
                        }
                        startServices(store, dataDirs, services, measured);
                    }
                    for (Variant variant : ordered(round)) {
                        Properties result = drive(store, workload, round, variant, services.get(variant), db);
                        report.measurement(store, workload, variant.role(), round, result);
                    }
                }
            }
            for (Variant variant : List.of(current, baseline)) {
                ServiceProcess service = services.get(variant);
                report.memory(store, variant.role(), service.kb("VmHWM"), service.kb("VmRSS"));
            }
        } finally {
            for (ServiceProcess service : services.values()) {
                service.close();
            }
            if (!args.flag("keep-data")) {
                dataDirs.values().forEach(Orchestrator::deleteTree);
            }
        }
    }

    /** Starts both sides on their stores (as they are) and waits until both are healthy, current first. */
    private void startServices(String store, Map<Variant, Path> dataDirs, Map<Variant, ServiceProcess> services, int generation)
            throws IOException, InterruptedException {
        for (Variant variant : List.of(current, baseline)) {
            int port = ServiceProcess.freePort();
            Path log = out.resolve("logs/" + store + "-" + variant.role() + (generation == 0 ? "" : "-" + generation) + ".log");
            ServiceProcess service = ServiceProcess.start(java, variant, environment(variant, store, dataDirs.get(variant), port), port,
                    log, keepLogs);
            services.put(variant, service);
            long millis = service.awaitHealthy(180);
            System.out.printf("   %s healthy after %d ms on port %d (pid %d)%n", variant.role(), millis, port, service.pid());
        }
    }

    /** Round 1: current first; round 2: baseline first; and so on. */
    private List<Variant> ordered(int round) {
        return round % 2 == 1 ? List.of(current, baseline) : List.of(baseline, current);
    }

    private Properties drive(String store, String workload, int round, Variant variant, ServiceProcess service, OptionalLong db)
            throws IOException, InterruptedException {
        Thread.sleep((long) (args.doubleValue("pause", 1) * 1000));
        Path result = out.resolve("raw/" + store + "-" + workload + "-" + variant.role() + "-r" + round + ".properties");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(split(args.value("driver-jvm-opts", "-Xms256m -Xmx256m -XX:+UseSerialGC")));
        command.addAll(List.of("-cp", harnessJar.toString(), Bench.class.getName(), "driver",
                "--url", "http://127.0.0.1:" + service.port(),
                "--workload", workload,
                "--clients", Integer.toString(clients),
                "--warmup", Double.toString(round == 1 || args.flag("restart") ? warmup : rewarm),
                "--window", Double.toString(window),
                "--service-pid", Long.toString(service.pid()),
                "--aux", "kakao=" + kakaoPid,
                "--out", result.toString(),
                "--new-id-base", Long.toString(KakaoIds.NEW_BASE + (long) driverRuns++ * KakaoIds.BLOCK),
                "--token-pool", args.value("token-pool", "256"),
                "--new-user-ratio", args.value("new-user-ratio", "0.5"),
                "--known-users", Long.toString(variant.seedUsers())));
        db.ifPresent(pid -> command.addAll(List.of("--aux", "db=" + pid)));
        System.out.printf("   %s %-8s round %d %-8s ", store, workload, round, variant.role());
        System.out.flush();
        Process driver = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = readAll(driver.getInputStream());
        int exit = driver.waitFor();
        System.out.print(output.isEmpty() ? "\n" : output);
        Properties properties = new Properties();
        if (Files.exists(result)) {
            try (InputStream in = Files.newInputStream(result)) {
                properties.load(in);
            }
        }
        if (exit != 0 || !"ok".equals(properties.getProperty("status"))) {
            throw new IllegalStateException("driver failed (exit " + exit + "): " + properties.getProperty("status", output));
        }
        return properties;
    }

    private Map<String, String> environment(Variant variant, String store, Path dataDir, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AUTH_HTTP_PORT", Integer.toString(port));
        env.put("AUTH_DATA_DIR", dataDir.toString());
        if (store.equals("mariadb")) {
            env.put("AUTH_DB_URL", jdbcUrl(variant.database()));
            env.put("AUTH_DB_USER", dbUser);
            env.put("AUTH_DB_PASSWORD", dbPassword);
        }
        env.put("KAKAO_CLIENT_ID", KAKAO_CLIENT_ID);
        env.put("KAKAO_AUTH_BASE_URL", "http://127.0.0.1:" + kakaoPort);
        env.put("KAKAO_API_BASE_URL", "http://127.0.0.1:" + kakaoPort);
        env.put("KAKAO_REDIRECT_URI", "http://127.0.0.1:" + port + "/auth/kakao/callback");
        // cookies must travel over plain http; SameSite=None would need Secure
        env.put("AUTH_COOKIE_SECURE", "false");
        env.put("AUTH_COOKIE_SAMESITE", "Lax");
        // rate limits would throttle the driver, not measure the service
        env.put("AUTH_RATE_LIMIT_LOGIN", "off");
        env.put("AUTH_RATE_LIMIT_REFRESH", "off");
        // two sides of one tree would both want the management listener's default port (9464)
        env.put("AUTH_MANAGEMENT_PORT", "0");
        for (String option : List.of("env", "env-" + variant.role())) {
            for (String pair : args.all(option)) {
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }

    private Process startFakeKakao() throws IOException {
        Process kakao = new ProcessBuilder(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", harnessJar.toString(),
                Bench.class.getName(), "fake-kakao", "--threads", args.value("kakao-threads", "8"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(kakao.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            kakao.destroy();
            throw new IOException("the fake Kakao did not start: " + line);
        }
        kakaoPort = Integer.parseInt(line.substring(5).strip());
        kakaoPid = kakao.pid();
        System.out.printf("== fake Kakao on port %d (pid %d)%n", kakaoPort, kakaoPid);
        return kakao;
    }

    /** Schema by the service's own migration (its purge-expired command migrates first), then the generator. */
    private void seed(String store, Variant variant, Path data) throws Exception {
        System.out.printf("   seeding %s for %s: %,d users, %,d refresh tokens%n", store, variant.role(), variant.seedUsers(),
                variant.seedTokens());
        long migrateStarted = System.nanoTime();
        ProcessBuilder builder = ServiceProcess.configured(
                new ProcessBuilder(ServiceProcess.command(java, variant, "purge-expired")), variant,
                environment(variant, store, data, ServiceProcess.freePort()));
        Process migrate = builder.redirectErrorStream(true).redirectOutput(out.resolve("logs/migrate-" + store + ".log").toFile()).start();
        if (migrate.waitFor() != 0) {
            throw new IllegalStateException("migration (purge-expired) failed; see logs/migrate-" + store + ".log");
        }
        long migrateMillis = (System.nanoTime() - migrateStarted) / 1_000_000;
        String url = store.equals("mariadb") ? jdbcUrl(variant.database()) : DataGenerator.embeddedUrl(data);
        String user = store.equals("mariadb") ? dbUser : "sa";
        String password = store.equals("mariadb") ? dbPassword : "";
        DataGenerator.Timing timing = DataGenerator.generate(url, user, password, variant.seedUsers(), variant.seedTokens(),
                DataGenerator.TOKENS_PER_FAMILY);
        report.seeding(store, variant.seedUsers(), variant.seedTokens(), migrateMillis, timing);
        System.out.printf("   seeded in %.1f s (%s)%n", timing.totalMillis() / 1000.0, timing);
    }

    /** Whether the side's database holds at least the users and refresh tokens asked for. */
    private boolean isSeeded(Variant variant) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(variant.database()), dbUser, dbPassword);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM refresh_tokens)")) {
            rs.next();
            return rs.getLong(1) >= variant.seedUsers() && rs.getLong(2) >= variant.seedTokens();
        } catch (SQLException noSchemaYet) {
            return false;
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:mysql://" + dbHostPort + "/" + database;
    }

    private void recreateDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + dbHostPort + "/", dbUser, dbPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new SQLException("cannot empty database " + database + " as " + dbUser + " (create it and GRANT ALL ON "
                    + database + ".* to that user, see benchmarks/README.md): " + e.getMessage(), e);
        }
    }

    private String databaseVersion() {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + dbHostPort + "/", dbUser, dbPassword);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit")) {
            rs.next();
            return rs.getString(1) + " (innodb_buffer_pool_size " + rs.getLong(2) / (1024 * 1024) + " MB, innodb_flush_log_at_trx_commit "
                    + rs.getInt(3) + ")";
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String javaVersion() {
        try {
            Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String text = readAll(process.getInputStream()).strip();
            process.waitFor();
            return text.replace("\n", "; ");
        } catch (IOException | InterruptedException e) {
            return System.getProperty("java.runtime.version");
        }
    }

    private static String describe(Variant variant) {
        return variant.role() + ": " + variant.label() + " — " + variant.directory() + " — java " + String.join(" ", variant.jvmOptions())
                + " -jar " + Variant.JAR;
    }

    private static long[] growth(String spec) {
        if (spec == null) {
            return new long[] {0, 0};
        }
        String[] parts = spec.split(",");
        long users = Long.parseLong(parts[0].replace("_", ""));
        long tokens = parts.length > 1 ? Long.parseLong(parts[1].replace("_", "")) : users * 5;
        if (users < 1 || tokens < 1) {
            throw new IllegalArgumentException("--growth USERS,TOKENS with both positive");
        }
        return new long[] {users, tokens};
    }

    private static String database(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database names are letters, digits and _: " + name);
        }
        return name;
    }

    private static String harnessJarPath() {
        try {
            return Path.of(Orchestrator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static List<String> split(String options) {
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
