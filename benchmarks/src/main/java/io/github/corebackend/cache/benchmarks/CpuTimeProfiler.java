package io.github.corebackend.cache.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * CPU time of the benchmark JVM's Java threads per operation ({@value #LABEL}, microseconds): the
 * benchmark threads and the clients' I/O, pool and housekeeping threads; not the JIT compiler and GC
 * threads (hidden from {@link ThreadMXBean}), whose work in a fresh fork would be charged to the
 * slowest peers' few operations, and not the servers'. Unlike throughput, it hardly moves when other
 * processes compete for the cores, so it compares peers measured at different moments of a run on a
 * busy machine. The trial's tear-down runs within the last iteration, and threads it stops would take
 * their CPU time along: a benchmark whose tear-down stops threads calls {@link #endOfWork()} first.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The name of the secondary result. */
  public static final String LABEL = "cpu.time.norm";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The Java threads' CPU time when the iteration's work ended, if a tear-down said so; else -1. */
  private static volatile long endOfWork = -1;

  private long before;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark JVM's Java threads per operation";
  }

  /**
   * Marks the end of the iteration's work, for a tear-down that is about to stop threads: their CPU
   * time so far still counts.
   */
  public static void endOfWork() {
    endOfWork = javaThreadsCpuTime();
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    endOfWork = -1;
    before = javaThreadsCpuTime();
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long end = endOfWork;
    long nanos = (end >= 0 ? end : javaThreadsCpuTime()) - before;
    long operations = result.getMetadata().getAllOps();
    double perOperation = operations == 0 ? Double.NaN : nanos / 1_000.0 / operations;
    return List.of(new ScalarResult(LABEL, perOperation, "us/op", AggregationPolicy.AVG));
  }

  /** The CPU time of the live Java threads; a thread that ends within an iteration takes its share along. */
  private static long javaThreadsCpuTime() {
    long total = 0;
    for (long cpu : threadsCpu()) {
      total += Math.max(cpu, 0);
    }
    return total;
  }

  private static long[] threadsCpu() {
    long[] ids = THREADS.getAllThreadIds();
    if (THREADS instanceof com.sun.management.ThreadMXBean) {
      return ((com.sun.management.ThreadMXBean) THREADS).getThreadCpuTime(ids);
    }
    long[] cpu = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      cpu[i] = THREADS.getThreadCpuTime(ids[i]);
    }
    return cpu;
  }
}
