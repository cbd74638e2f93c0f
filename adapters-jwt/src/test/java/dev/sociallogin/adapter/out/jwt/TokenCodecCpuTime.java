package dev.sociallogin.adapter.out.jwt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link TokenCodecBenchmark}'s operations counted per second of CPU time of the measuring thread,
 * not per second of wall time: on a shared, loaded machine (2 cores, load average 10-25 while this
 * was written) throughput follows the share of CPU the run gets, while the CPU cost of one operation
 * does not. Each operation runs for {@code seconds} of CPU after as much warm-up; three rounds.
 * Not a test: {@code -Pbench-tokens -Dbench.main=dev.sociallogin.adapter.out.jwt.TokenCodecCpuTime "-Dbench.args=2"}.
 */
public final class TokenCodecCpuTime {

    private TokenCodecCpuTime() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-20s %-7s %12s %12s %12s%n", "operation", "alg", "round 1", "round 2", "round 3");
        for (String algorithm : new String[] {"ES256", "EdDSA", "RS256", "HS256"}) {
            TokenCodecBenchmark bench = new TokenCodecBenchmark();
            bench.algorithm = algorithm;
            bench.open();
            Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
            operations.put("encodeAccess", bench::encodeAccess);
            operations.put("decodeAccess", bench::decodeAccess);
            operations.put("decodeAccessCached", bench::decodeAccessCached);
            operations.put("encodeRefresh", bench::encodeRefresh);
            operations.put("decodeRefresh", bench::decodeRefresh);
            for (Map.Entry<String, Supplier<Object>> operation : operations.entrySet()) {
                run(threads, operation.getValue(), seconds); // warm-up
                double[] rates = new double[3];
                for (int round = 0; round < 3; round++) {
                    rates[round] = run(threads, operation.getValue(), seconds);
                }
                System.out.printf(Locale.ROOT, "%-20s %-7s %12.0f %12.0f %12.0f%n", operation.getKey(), algorithm, rates[0], rates[1], rates[2]);
            }
            bench.close();
        }
    }

    /** Operations per CPU second of this thread. */
    private static double run(ThreadMXBean threads, Supplier<Object> operation, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = threads.getCurrentThreadCpuTime();
        long count = 0;
        long used;
        Object sink = null;
        do {
            for (int i = 0; i < 50; i++) {
                sink = operation.get();
            }
            count += 50;
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return count / (used / 1e9);
    }
}
