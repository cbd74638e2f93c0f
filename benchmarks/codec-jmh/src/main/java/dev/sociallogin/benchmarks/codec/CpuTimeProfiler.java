package dev.sociallogin.benchmarks.codec;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The benchmark process's CPU time per operation, next to JMH's wall-clock score:
 * {@code -prof dev.sociallogin.benchmarks.codec.CpuTimeProfiler} ({@code benchmarks/jmh} adds it).
 * On a machine shared with other work a benchmark thread waits for a core, and the wall-clock time
 * per operation grows with the machine's load; the CPU time it actually used does not, or much
 * less. It counts the whole process (JIT and GC threads too), which after the warm-up is mostly the
 * benchmark thread.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - before;
        long operations = result.getMetadata().getAllOps();
        if (operations <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.us/op", cpuNanos / 1000.0 / operations, "us/op", AggregationPolicy.AVG));
    }
}
