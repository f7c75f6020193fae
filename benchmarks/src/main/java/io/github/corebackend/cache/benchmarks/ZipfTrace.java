package io.github.corebackend.cache.benchmarks;

import java.util.Arrays;
import java.util.Random;

/** Keys drawn from a Zipf distribution over {@code [0, n)}, reproducibly from a seed. */
final class ZipfTrace {

  private final double[] cumulative;
  private final Random random;

  ZipfTrace(int n, double skew, long seed) {
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, skew);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    random = new Random(seed);
  }

  /** The next {@code length} keys, boxed once so that replaying them allocates nothing. */
  Integer[] keys(int length) {
    Integer[] keys = new Integer[length];
    for (int i = 0; i < length; i++) {
      int index = Arrays.binarySearch(cumulative, random.nextDouble());
      keys[i] = index >= 0 ? index : -index - 1;
    }
    return keys;
  }
}
