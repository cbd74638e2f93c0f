package dev.sociallogin.benchmarks;

import dev.sociallogin.benchmarks.Workloads.Client;
import dev.sociallogin.benchmarks.Workloads.Operation;
import dev.sociallogin.benchmarks.Workloads.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The load driver: one JVM, N clients, each a thread with its own keep-alive connection running
 * its operation back to back (closed loop: a client sends its next request when the previous one
 * is answered, so latencies are service times under N-way concurrency, not under a fixed arrival
 * rate). Setup (logins for tokens), then a warm-up, then the measurement window: an operation
 * counts when it completes inside the window. Over the window it also reads the CPU time of the
 * service and of the other processes it is told about, and the machine's utilisation.
 *
 * <pre>
 * java -jar bench-harness.jar driver --url http://127.0.0.1:8080 --workload me --clients 16 --warmup 15 --window 10
 *      [--service-pid N] [--aux kakao=PID --aux db=PID] [--out result.properties] [--new-id-base N]
 *      [--token-pool 256] [--new-user-ratio 0.5] [--known-users N]
 * </pre>
 */
final class LoadDriver {

    /** Latencies above this are recorded as this (µs): one minute. */
    private static final long MAX_MICROS = 60_000_000L;

    private LoadDriver() {
    }

    /** What one client measured. */
    private static final class ClientResult {
        final Histogram latency = new Histogram(MAX_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        final Map<String, Long> warmupErrors = new TreeMap<>();
        long operations;
        long warmupOperations;
        int connects;
        String setupFailure;
    }

    static void main(Args args) throws Exception {
        URI url = URI.create(args.required("url"));
        String workloadName = args.required("workload");
        int clients = args.intValue("clients", 16);
        long warmupNanos = TimeUnit.MILLISECONDS.toNanos((long) (args.doubleValue("warmup", 15) * 1000));
        long windowNanos = TimeUnit.MILLISECONDS.toNanos((long) (args.doubleValue("window", 10) * 1000));
        long servicePid = args.longValue("service-pid", -1);
        Map<String, Long> watched = new LinkedHashMap<>();
        watched.put("service", servicePid);
        watched.put("driver", ProcessHandle.current().pid());
        for (String aux : args.all("aux")) {
            int eq = aux.indexOf('=');
            watched.put(aux.substring(0, eq), Long.parseLong(aux.substring(eq + 1)));
        }
        Workload workload = Workloads.create(workloadName, args);
        AtomicLong newIds = new AtomicLong(args.longValue("new-id-base", KakaoIds.NEW_BASE));
        String hostHeader = url.getHost() + ":" + url.getPort();

        ClientResult[] results = new ClientResult[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] times = new long[2]; // window start, window end (nanoTime), written before go opens
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClientResult result = new ClientResult();
            results[i] = result;
            int index = i;
            Thread thread = new Thread(() -> runClient(index, clients, url, hostHeader, newIds, workload, result, ready, go, times),
                    "client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long setupStarted = System.nanoTime();
        if (!ready.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients not set up within 300 s");
        }
        long setupMillis = (System.nanoTime() - setupStarted) / 1_000_000;
        for (ClientResult result : results) {
            if (result.setupFailure != null) {
                write(args, failed(workloadName, "setup failed: " + result.setupFailure));
                System.exit(1);
            }
        }
        long start = System.nanoTime();
        times[0] = start + warmupNanos;
        times[1] = times[0] + windowNanos;
        go.countDown();

        sleepUntil(times[0]);
        Map<String, Long> cpuBefore = cpu(watched);
        long[] machineBefore = Proc.machineJiffies();
        long measuredFrom = System.nanoTime();
        sleepUntil(times[1]);
        Map<String, Long> cpuAfter = cpu(watched);
        long[] machineAfter = Proc.machineJiffies();
        long measuredNanos = System.nanoTime() - measuredFrom;
        String loadAverage = Proc.loadAverage();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(70));
        }

        Histogram latency = new Histogram(MAX_MICROS, 3);
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Long> warmupErrors = new TreeMap<>();
        long operations = 0;
        long warmupOperations = 0;
        long connects = 0;
        for (ClientResult result : results) {
            synchronized (result) {
                latency.add(result.latency);
                result.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
                result.warmupErrors.forEach((k, v) -> warmupErrors.merge(k, v, Long::sum));
                operations += result.operations;
                warmupOperations += result.warmupOperations;
                connects += result.connects;
            }
        }
        double seconds = windowNanos / 1e9;
        Properties out = new Properties();
        out.setProperty("workload", workloadName);
        out.setProperty("status", "ok");
        out.setProperty("clients", Integer.toString(clients));
        out.setProperty("window.seconds", Double.toString(seconds));
        out.setProperty("setup.millis", Long.toString(setupMillis));
        out.setProperty("requests.per.operation", Integer.toString(workload.requestsPerOperation()));
        out.setProperty("operations", Long.toString(operations));
        out.setProperty("warmup.operations", Long.toString(warmupOperations));
        out.setProperty("connects", Long.toString(connects));
        out.setProperty("throughput", Double.toString(operations / seconds));
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        out.setProperty("errors", Long.toString(errorCount));
        errors.forEach((k, v) -> out.setProperty("error." + k, Long.toString(v)));
        out.setProperty("warmup.errors", Long.toString(warmupErrors.values().stream().mapToLong(Long::longValue).sum()));
        warmupErrors.forEach((k, v) -> out.setProperty("warmup.error." + k, Long.toString(v)));
        out.setProperty("histogram", encode(latency));
        for (String name : watched.keySet()) {
            long before = cpuBefore.get(name);
            long after = cpuAfter.get(name);
            out.setProperty("cpu." + name + ".ms", Long.toString(before < 0 || after < 0 ? -1 : after - before));
        }
        out.setProperty("cpu.interval.ms", Long.toString(measuredNanos / 1_000_000));
        if (machineBefore[1] > 0 && machineAfter[1] > machineBefore[1]) {
            out.setProperty("machine.busy", Double.toString(
                    (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1])));
        }
        out.setProperty("machine.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        out.setProperty("loadavg.end", loadAverage);
        if (servicePid > 0) {
            out.setProperty("service.vmhwm.kb", Long.toString(Proc.statusKb(servicePid, "VmHWM")));
            out.setProperty("service.vmrss.kb", Long.toString(Proc.statusKb(servicePid, "VmRSS")));
        }
        write(args, out);
        System.out.printf("%s: %.0f ops/s, p50 %.2f ms, p99 %.2f ms, %d errors, service CPU %s ms over %.1f s%n",
                workloadName, operations / seconds, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, errorCount, out.getProperty("cpu.service.ms"), seconds);
    }

    private static void runClient(int index, int clients, URI url, String hostHeader, AtomicLong newIds, Workload workload,
            ClientResult result, CountDownLatch ready, CountDownLatch go, long[] times) {
        HttpConnection http = new HttpConnection(url.getHost(), url.getPort());
        Client client = new Client(index, clients, http, hostHeader, newIds, System.nanoTime() * 31 + index);
        Operation operation;
        try {
            operation = workload.client(client);
        } catch (IOException | Failure | RuntimeException e) {
            result.setupFailure = e instanceof Failure f ? f.key() : e.toString();
            ready.countDown();
            return;
        }
        ready.countDown();
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long windowStart = times[0];
        long windowEnd = times[1];
        // private tallies, published under the result's lock once at the end
        Histogram latency = new Histogram(MAX_MICROS, 3);
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Long> warmupErrors = new TreeMap<>();
        long operations = 0;
        long warmupOperations = 0;
        while (true) {
            long started = System.nanoTime();
            String error = null;
            try {
                operation.run();
            } catch (Failure failure) {
                error = failure.key();
            } catch (IOException | RuntimeException e) {
                error = "io " + e.getClass().getSimpleName();
                http.close();
            }
            long ended = System.nanoTime();
            if (ended >= windowEnd) {
                break;
            }
            boolean measured = ended >= windowStart;
            if (error == null) {
                if (measured) {
                    latency.recordValue(Math.min(MAX_MICROS, (ended - started) / 1000));
                    operations++;
                } else {
                    warmupOperations++;
                }
            } else {
                (measured ? errors : warmupErrors).merge(error, 1L, Long::sum);
                if (error.startsWith("io ")) {
                    pause(); // a service that is down must not turn the driver into a busy loop
                }
            }
        }
        http.close();
        synchronized (result) {
            result.latency.add(latency);
            result.errors.putAll(errors);
            result.warmupErrors.putAll(warmupErrors);
            result.operations = operations;
            result.warmupOperations = warmupOperations;
            result.connects = http.connects();
        }
    }

    private static Map<String, Long> cpu(Map<String, Long> pids) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, pid > 0 ? Proc.cpuMillis(pid) : -1));
        return cpu;
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }

    private static Properties failed(String workload, String why) {
        Properties out = new Properties();
        out.setProperty("workload", workload);
        out.setProperty("status", why);
        return out;
    }

    private static void write(Args args, Properties properties) throws IOException {
        String file = args.value("out", null);
        if (file == null) {
            properties.store(System.out, null);
            return;
        }
        try (OutputStream out = Files.newOutputStream(Path.of(file))) {
            properties.store(out, "load driver result");
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
