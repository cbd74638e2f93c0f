import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up benchmark: time from launching {@code java} to the first 200 on {@code /health}, with
 * the embedded database on a new data directory, for the README run command (class-data archive)
 * and the plain {@code java -jar}, alternating in one run so that both see the same machine.
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * java tools/StartupBench.java [rounds] [other-checkout]   # from the repository root
 * </pre>
 *
 * With {@code other-checkout} (a built clone at another commit) its plain {@code java -jar} runs
 * in the same rounds, for a before/after ratio. The health check is polled with a raw socket every
 * 10 ms from this one process: spawning a client per poll (curl) costs enough CPU on a 2-core
 * machine to slow the start it measures. CPU time is read from /proc (Linux) at that moment.
 */
public class StartupBench {

    record Variant(String name, Path directory, List<String> java) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of("").toAbsolutePath();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("README (archive)", root,
                List.of("java", "-XX:SharedArchiveFile=bootstrap/target/social-login.jsa", "-jar", "bootstrap/target/social-login.jar")));
        variants.add(new Variant("plain java -jar", root, List.of("java", "-jar", "bootstrap/target/social-login.jar")));
        if (args.length > 1) {
            variants.add(new Variant("plain, " + args[1], Path.of(args[1]).toAbsolutePath(),
                    List.of("java", "-jar", "bootstrap/target/social-login.jar")));
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Variant variant : variants) {
                long[] run = run(variant);
                results.get(variant.name()).add(run);
                System.out.printf("round %d  %-40s healthy after %5d ms, CPU %5d ms%n", round, variant.name(), run[0], run[1]);
            }
        }
        System.out.println();
        long reference = -1;
        for (Map.Entry<String, List<long[]>> entry : results.entrySet()) {
            long wall = median(entry.getValue(), 0);
            long cpu = median(entry.getValue(), 1);
            if (reference < 0) {
                reference = wall;
            }
            System.out.printf("median  %-40s healthy after %5d ms, CPU %5d ms, %.2f x the first%n", entry.getKey(), wall, cpu,
                    (double) wall / reference);
        }
    }

    private static long[] run(Variant variant) throws Exception {
        Path data = Files.createTempDirectory("startup-bench-");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(variant.java()).directory(variant.directory().toFile())
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        builder.environment().put("AUTH_DATA_DIR", data.toString());
        builder.environment().put("AUTH_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            while (!healthy(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(variant.name() + " exited with " + process.exitValue());
                }
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException(variant.name() + " not healthy within 120 s");
                }
                Thread.sleep(10);
            }
            long wall = (System.nanoTime() - started) / 1_000_000;
            return new long[] {wall, cpuMillis(process.pid())};
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
        }
    }

    private static boolean healthy(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** utime + stime of the process, in ms; -1 where /proc is not there. */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long median(List<long[]> runs, int index) {
        long[] values = runs.stream().mapToLong(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
