package io.github.corebackend.cache.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM's Java threads per operation ({@value #LABEL}, microseconds): the
 * benchmark threads and the clients' I/O, pool and housekeeping threads; not the JIT compiler and GC
 * threads (hidden from {@link ThreadMXBean}), whose work in a fresh fork would be charged to the
 * slowest peers' few operations, and not the servers'. Unlike throughput, it hardly moves when other
 * processes compete for the cores, so it compares peers measured at different moments of a run on a
 * busy machine. The last measurement iteration is left out: the trial's tear-down runs within it and
 * the threads it stops take their CPU time along.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The name of the secondary result. */
  public static final String LABEL = "cpu.time.norm";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long before;
  private int measurements;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark JVM's Java threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = javaThreadsCpuTime();
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long nanos = javaThreadsCpuTime() - before;
    if (iterationParams.getType() == IterationType.MEASUREMENT
        && ++measurements == iterationParams.getCount() && measurements > 1) {
      // The trial's tear-down has run by now: the threads it stopped took their time along.
      return List.of();
    }
    long operations = result.getMetadata().getAllOps();
    double perOperation = operations == 0 ? Double.NaN : nanos / 1_000.0 / operations;
    return List.of(new ScalarResult(LABEL, perOperation, "us/op", AggregationPolicy.AVG));
  }

  /** The CPU time of the live Java threads; a thread that ends within an iteration takes its share along. */
  private long javaThreadsCpuTime() {
    long total = 0;
    for (long cpu : threadsCpu()) {
      total += Math.max(cpu, 0);
    }
    return total;
  }

  private long[] threadsCpu() {
    long[] ids = threads.getAllThreadIds();
    if (threads instanceof com.sun.management.ThreadMXBean) {
      return ((com.sun.management.ThreadMXBean) threads).getThreadCpuTime(ids);
    }
    long[] cpu = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      cpu[i] = threads.getThreadCpuTime(ids[i]);
    }
    return cpu;
  }
}
