package dev.sociallogin.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Collects a run's figures and writes them as Markdown: one summary per store, one table per store and workload. */
final class Report {

    private final Variant current;
    private final Variant baseline;
    private final boolean growth;
    private final List<String> header = new ArrayList<>();
    private final Map<String, List<long[]>> startup = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, List<Properties>>>> results = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> memory = new LinkedHashMap<>();
    private final List<String> seeding = new ArrayList<>();
    private String loadBefore = "?";
    private String loadAfter = "?";
    private String database;
    private long seconds;

    Report(Variant current, Variant baseline, boolean growth) {
        this.current = current;
        this.baseline = baseline;
        this.growth = growth;
    }

    void header(String command, String javaVersion, int clients, double warmup, double rewarm, double window, int rounds,
            boolean restart, List<String> stores, List<String> workloads) {
        header.add("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        header.add(String.format(Locale.ROOT, "- machine: %d cores (%s), %.1f GiB RAM", Runtime.getRuntime().availableProcessors(),
                Proc.cpuModel(), Proc.memTotalKb() / 1024.0 / 1024.0));
        header.add("- JDK: " + javaVersion);
        header.add("- command: `" + command + "`");
        header.add("- " + current.role() + ": " + current.label() + " — `java " + String.join(" ", current.jvmOptions()) + " -jar "
                + Variant.JAR + "`" + (current.seedUsers() > 0 ? String.format(Locale.ROOT,
                " on a store holding %,d users and %,d refresh tokens", current.seedUsers(), current.seedTokens()) : ""));
        header.add("- " + baseline.role() + ": " + baseline.label() + " — `java " + String.join(" ", baseline.jvmOptions()) + " -jar "
                + Variant.JAR + "`");
        header.add(String.format(Locale.ROOT, "- load: %d clients (one keep-alive connection each, closed loop), %s s warm-up%s, %s s window, "
                + "%d round(s) per side, alternating (round 1 %s first, round 2 %s first, ...); stores %s; workloads %s",
                clients, trim(warmup), rewarm == warmup ? "" : " (" + trim(rewarm) + " s in later rounds)", trim(window), rounds,
                current.role(), baseline.role(), stores, workloads)
                + (restart ? "; both services restarted (new JVMs, same stores) before every round but the first, so memory "
                + "figures are those of the last processes" : "; each service one JVM per store for all rounds"));
    }

    void loadBefore(String load) {
        loadBefore = load;
    }

    void loadAfter(String load) {
        loadAfter = load;
    }

    void databaseVersion(String version) {
        database = version;
    }

    void duration(long totalSeconds) {
        seconds = totalSeconds;
    }

    void startup(String role, long millis, long cpuMillis) {
        startup.computeIfAbsent(role, r -> new ArrayList<>()).add(new long[] {millis, cpuMillis});
    }

    void measurement(String store, String workload, String role, int round, Properties result) {
        results.computeIfAbsent(store, s -> new LinkedHashMap<>()).computeIfAbsent(workload, w -> new LinkedHashMap<>())
                .computeIfAbsent(role, r -> new ArrayList<>()).add(result);
    }

    void memory(String store, String role, long hwmKb, long rssKb) {
        memory.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(role, new long[] {hwmKb, rssKb});
    }

    void seeding(String store, long users, long tokens, long migrateMillis, DataGenerator.Timing timing) {
        seeding.add(String.format(Locale.ROOT, "- %s: %,d users (+ identities), %,d refresh tokens in %,d families: schema by the jar's "
                + "migration %.1f s, then %s", store, users, tokens, timing.families(), migrateMillis / 1000.0, timing));
    }

    void seedingReused(String store, String database) {
        seeding.add("- " + store + ": database " + database + " reused as an earlier run left it (--reuse-seeded): at least the "
                + "asked-for users and refresh tokens, plus what earlier runs added");
    }

    /** Aggregate of one side's rounds for one store and workload. */
    private record Side(long operations, double seconds, Histogram latency, Map<String, Long> errors, List<Double> perRound,
            Map<String, Long> cpuMillis, long cpuIntervalMillis, double machineBusy, long connects, int requestsPerOperation,
            List<String> loadAverages) {

        double throughput() {
            return operations / seconds;
        }

        double cpuPerOperationMicros(String process) {
            Long ms = cpuMillis.get(process);
            return ms == null || ms < 0 || operations == 0 ? Double.NaN : ms * 1000.0 / operations;
        }

        /** That process's CPU as a share of one core over the window. */
        double coreShare(String process) {
            Long ms = cpuMillis.get(process);
            return ms == null || ms < 0 ? Double.NaN : (double) ms / cpuIntervalMillis;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        static Side of(List<Properties> rounds) {
            long operations = 0;
            double seconds = 0;
            Histogram latency = new Histogram(60_000_000L, 3);
            Map<String, Long> errors = new TreeMap<>();
            List<Double> perRound = new ArrayList<>();
            Map<String, Long> cpu = new LinkedHashMap<>();
            long interval = 0;
            double busy = 0;
            long connects = 0;
            int requestsPerOperation = 1;
            List<String> loads = new ArrayList<>();
            for (Properties p : rounds) {
                loads.add(p.getProperty("loadavg.end", "?").split(" ")[0]);
                long ops = Long.parseLong(p.getProperty("operations"));
                double s = Double.parseDouble(p.getProperty("window.seconds"));
                operations += ops;
                seconds += s;
                perRound.add(ops / s);
                latency.add(LoadDriver.decode(p.getProperty("histogram")));
                for (String key : p.stringPropertyNames()) {
                    if (key.startsWith("error.")) {
                        errors.merge(key.substring(6), Long.parseLong(p.getProperty(key)), Long::sum);
                    } else if (key.startsWith("cpu.") && key.endsWith(".ms") && !key.equals("cpu.interval.ms")) {
                        long ms = Long.parseLong(p.getProperty(key));
                        cpu.merge(key.substring(4, key.length() - 3), ms, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
                    }
                }
                interval += Long.parseLong(p.getProperty("cpu.interval.ms"));
                busy += Double.parseDouble(p.getProperty("machine.busy", "NaN"));
                connects += Long.parseLong(p.getProperty("connects", "0"));
                requestsPerOperation = Integer.parseInt(p.getProperty("requests.per.operation", "1"));
            }
            return new Side(operations, seconds, latency, errors, perRound, cpu, interval, busy / rounds.size(), connects,
                    requestsPerOperation, loads);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(growth ? "# Growth run: seeded store against an empty one\n\n" : "# Side-by-side run: current against baseline\n\n");
        header.forEach(line -> md.append(line).append('\n'));
        if (database != null) {
            md.append("- MariaDB: ").append(database).append('\n');
        }
        md.append("- load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
        md.append(String.format(Locale.ROOT, "- the run took %d min %02d s%n", seconds / 60, seconds % 60));
        seeding.forEach(line -> md.append(line).append('\n'));
        String c = current.role();
        String b = baseline.role();
        String ratio = c + "/" + b;

        if (!startup.isEmpty()) {
            md.append("\n## Start to healthy\n\nLaunch of `java` to the first 200 on `/health`, embedded store on a new data "
                    + "directory each time, alternating; medians.\n\n");
            md.append("| | ").append(c).append(" | ").append(b).append(" | ").append(ratio).append(" |\n|---|---|---|---|\n");
            md.append(row("healthy after (ms)", median(startup.get(c), 0), median(startup.get(b), 0)));
            md.append(row("CPU time by then (ms)", median(startup.get(c), 1), median(startup.get(b), 1)));
            md.append("| each round (ms) | ").append(join(startup.get(c))).append(" | ").append(join(startup.get(b))).append(" | |\n");
        }

        List<Double> ratios = new ArrayList<>();
        List<Double> roundRatios = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, List<Properties>>>> store : results.entrySet()) {
            String storeName = store.getKey();
            Map<String, Side[]> sides = new LinkedHashMap<>();
            store.getValue().forEach((workload, byRole) -> sides.put(workload,
                    new Side[] {Side.of(byRole.get(c)), Side.of(byRole.get(b))}));
            Side[] floor = sides.get("floor");

            md.append("\n## ").append(storeName).append("\n\n");
            md.append("Operations per second (a `login` is authorize + callback, two requests); latency of an operation; "
                    + "service CPU per operation from /proc utime+stime over the window.\n\n");
            md.append("| workload | ").append(c).append(" ops/s | ").append(b).append(" ops/s | ").append(ratio)
                    .append(" | per-round ratios | ").append(c).append("/floor | ").append(b).append("/floor | p50 ms (").append(c).append(" / ").append(b)
                    .append(") | p99 ms | service CPU µs/op | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, Side[]> entry : sides.entrySet()) {
                Side x = entry.getValue()[0];
                Side y = entry.getValue()[1];
                ratios.add(x.throughput() / y.throughput());
                for (int i = 0; i < Math.min(x.perRound().size(), y.perRound().size()); i++) {
                    roundRatios.add(x.perRound().get(i) / y.perRound().get(i));
                }
                md.append("| ").append(entry.getKey()).append(" | ").append(num(x.throughput())).append(" | ").append(num(y.throughput()))
                        .append(" | **").append(fmt(x.throughput() / y.throughput(), 3)).append("** | ")
                        .append(roundRatios(x.perRound(), y.perRound())).append(" | ")
                        .append(floor == null ? "—" : fmt(x.throughput() / floor[0].throughput(), 3)).append(" | ")
                        .append(floor == null ? "—" : fmt(y.throughput() / floor[1].throughput(), 3)).append(" | ")
                        .append(ms(x.latency().getValueAtPercentile(50))).append(" / ").append(ms(y.latency().getValueAtPercentile(50)))
                        .append(" | ").append(ms(x.latency().getValueAtPercentile(99))).append(" / ")
                        .append(ms(y.latency().getValueAtPercentile(99))).append(" | ")
                        .append(fmt(x.cpuPerOperationMicros("service"), 0)).append(" / ").append(fmt(y.cpuPerOperationMicros("service"), 0))
                        .append(" | ").append(x.errorCount()).append(" / ").append(y.errorCount()).append(" |\n");
            }
            Map<String, long[]> mem = memory.getOrDefault(storeName, Map.of());
            if (!mem.isEmpty()) {
                md.append("\nMemory of the service at the end of the ").append(storeName).append(" run: peak RSS (VmHWM) ")
                        .append(mb(mem.get(c)[0])).append(" / ").append(mb(mem.get(b)[0])).append(", RSS (VmRSS) ")
                        .append(mb(mem.get(c)[1])).append(" / ").append(mb(mem.get(b)[1])).append(" (").append(c).append(" / ")
                        .append(b).append(").\n");
            }

            for (Map.Entry<String, Side[]> entry : sides.entrySet()) {
                Side x = entry.getValue()[0];
                Side y = entry.getValue()[1];
                md.append("\n### ").append(storeName).append(" / ").append(entry.getKey()).append("\n\n");
                md.append("| | ").append(c).append(" | ").append(b).append(" | ").append(ratio).append(" |\n|---|---|---|---|\n");
                md.append(row("throughput (ops/s)", x.throughput(), y.throughput()));
                md.append("| each round (ops/s) | ").append(rounds(x.perRound())).append(" | ").append(rounds(y.perRound())).append(" | ")
                        .append(roundRatios(x.perRound(), y.perRound())).append(" |\n");
                md.append("| load average (1 min) at the end of each round | ").append(String.join(", ", x.loadAverages())).append(" | ")
                        .append(String.join(", ", y.loadAverages())).append(" | |\n");
                if (floor != null && !entry.getKey().equals("floor")) {
                    md.append("| against `floor` of the same jar | ").append(fmt(x.throughput() / floor[0].throughput(), 3)).append(" | ")
                            .append(fmt(y.throughput() / floor[1].throughput(), 3)).append(" | |\n");
                }
                for (double percentile : new double[] {50, 90, 99}) {
                    md.append(row("p" + trim(percentile) + " (ms)", x.latency().getValueAtPercentile(percentile) / 1000.0,
                            y.latency().getValueAtPercentile(percentile) / 1000.0));
                }
                md.append(row("max (ms)", x.latency().getMaxValue() / 1000.0, y.latency().getMaxValue() / 1000.0));
                md.append("| p99 / p50 | ").append(fmt(tail(x), 2)).append(" | ").append(fmt(tail(y), 2)).append(" | |\n");
                md.append(row("service CPU per op (µs)", x.cpuPerOperationMicros("service"), y.cpuPerOperationMicros("service")));
                md.append("| CPU, share of one core: service / driver / fake Kakao").append(x.cpuMillis().containsKey("db") ? " / MariaDB" : "")
                        .append(" | ").append(shares(x)).append(" | ").append(shares(y)).append(" | |\n");
                md.append("| machine busy (all cores) | ").append(pct(x.machineBusy())).append(" | ").append(pct(y.machineBusy()))
                        .append(" | |\n");
                md.append("| errors in the window | ").append(errors(x)).append(" | ").append(errors(y)).append(" | |\n");
                md.append("| connections opened | ").append(x.connects()).append(" | ").append(y.connects()).append(" | |\n");
            }
        }
        if (!growth && !ratios.isEmpty()) {
            double worst = ratios.stream().mapToDouble(r -> Math.abs(r - 1)).max().orElse(0);
            md.append(String.format(Locale.ROOT, "%nThroughput ratios %s over all stores and workloads: %s; the largest distance "
                    + "from 1.0 is %.1f%%.%n", ratio, ratios.stream().map(r -> fmt(r, 3)).toList(), worst * 100));
            md.append(String.format(Locale.ROOT, "Per-round ratios range from %s to %s (median %s).%n",
                    fmt(roundRatios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), 3),
                    fmt(roundRatios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), 3),
                    fmt(roundRatios.stream().sorted().skip(roundRatios.size() / 2).findFirst().orElse(Double.NaN), 3)));
        }
        return md.toString();
    }

    private static double tail(Side side) {
        return (double) side.latency().getValueAtPercentile(99) / Math.max(1, side.latency().getValueAtPercentile(50));
    }

    private static String shares(Side side) {
        StringBuilder text = new StringBuilder();
        for (String process : List.of("service", "driver", "kakao", "db")) {
            if (side.cpuMillis().containsKey(process)) {
                if (text.length() > 0) {
                    text.append(" / ");
                }
                text.append(pct(side.coreShare(process)));
            }
        }
        return text.toString();
    }

    private static String errors(Side side) {
        if (side.errors().isEmpty()) {
            return "0";
        }
        StringBuilder text = new StringBuilder().append(side.errorCount()).append(':');
        side.errors().forEach((k, v) -> text.append(" `").append(k).append("` ×").append(v));
        return text.toString();
    }

    private static String row(String name, double x, double y) {
        return "| " + name + " | " + num(x) + " | " + num(y) + " | " + fmt(x / y, 3) + " |\n";
    }

    private static String rounds(List<Double> values) {
        return String.join(", ", values.stream().map(Report::num).toList());
    }

    private static String roundRatios(List<Double> x, List<Double> y) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            ratios.add(fmt(x.get(i) / y.get(i), 3));
        }
        return String.join(", ", ratios);
    }

    private static double median(List<long[]> runs, int index) {
        if (runs == null || runs.isEmpty()) {
            return Double.NaN;
        }
        long[] values = runs.stream().mapToLong(r -> r[index]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0;
    }

    private static String join(List<long[]> runs) {
        return runs == null ? "" : String.join(", ", runs.stream().map(r -> Long.toString(r[0])).toList());
    }

    private static String num(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String mb(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
