package dev.sociallogin.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RotationBenchmark}'s two loops, alternated in short slices (adapter, raw, raw, adapter, ...)
 * on one pool, so a load that drifts while the benchmark runs (a shared build machine) weighs on both
 * sides alike; JMH runs one benchmark after the other. Prints each slice and the median ratio.
 *
 * <p>Arguments: rounds (default 10), seconds per slice (default 4); the first round is warm-up.
 */
public final class RotationBenchmarkInterleaved {

    private static final Logger LOG = LoggerFactory.getLogger(RotationBenchmarkInterleaved.class);

    private RotationBenchmarkInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration slice = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 4);
        RotationBenchmark bench = new RotationBenchmark();
        RotationBenchmark.Database db = new RotationBenchmark.Database();
        db.open();
        ExecutorService threads = Executors.newFixedThreadPool(RotationBenchmark.THREADS);
        try {
            List<Double> adapter = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                boolean adapterFirst = round % 2 == 0;
                double a;
                double r;
                if (adapterFirst) {
                    a = run(threads, db, slice, chain -> bench.adapter(db, chain));
                    r = run(threads, db, slice, chain -> bench.rawJdbc(db, chain));
                } else {
                    r = run(threads, db, slice, chain -> bench.rawJdbc(db, chain));
                    a = run(threads, db, slice, chain -> bench.adapter(db, chain));
                }
                LOG.info("round {}{}: adapter {} ops/s, raw JDBC {} ops/s, ratio {}", round, round == 0 ? " (warm-up)" : "",
                        String.format("%.1f", a), String.format("%.1f", r), String.format("%.3f", a / r));
                if (round > 0) {
                    adapter.add(a);
                    raw.add(r);
                    ratios.add(a / r);
                }
            }
            LOG.info("threads {}, pool {}, {} measured rounds of {} s per side", RotationBenchmark.THREADS, RotationBenchmark.POOL_SIZE,
                    rounds - 1, slice.toSeconds());
            LOG.info("median adapter {} ops/s, median raw JDBC {} ops/s, median ratio {}, ratio of sums {}",
                    String.format("%.1f", median(adapter)), String.format("%.1f", median(raw)), String.format("%.3f", median(ratios)),
                    String.format("%.3f", adapter.stream().mapToDouble(d -> d).sum() / raw.stream().mapToDouble(d -> d).sum()));
        } finally {
            threads.shutdownNow();
            db.close();
        }
    }

    interface Step {
        void run(RotationBenchmark.Chain chain) throws Exception;
    }

    private static double run(ExecutorService threads, RotationBenchmark.Database db, Duration slice, Step step) throws Exception {
        LongAdder ops = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < RotationBenchmark.THREADS; t++) {
            RotationBenchmark.Chain chain = new RotationBenchmark.Chain();
            chain.newFamily(db);
            Callable<Void> loop = () -> {
                go.await();
                long end = window[1];
                while (System.nanoTime() < end) {
                    step.run(chain);
                    ops.increment();
                }
                return null;
            };
            futures.add(threads.submit(loop));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + slice.toNanos();
        go.countDown();
        for (Future<Void> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        return ops.sum() / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
