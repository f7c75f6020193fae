package io.github.corebackend.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs the same work on many threads released at once, for the stress tests; any thread's failure
 * fails the caller.
 */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs {@code work} on {@code threads} threads, each given its index, all starting together, and
   * waits for every one of them.
   *
   * @param timeout how long each thread may take before the test fails
   */
  public static void run(int threads, Duration timeout, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.accept(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
