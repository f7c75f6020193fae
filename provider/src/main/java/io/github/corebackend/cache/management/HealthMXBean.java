package io.github.corebackend.cache.management;

import java.util.List;

/**
 * A cache manager's health in JMX, as {@code io.github.corebackend.cache:type=Health,CacheManager=<uri>}.
 * Each read of an attribute checks anew, within the Redis timeouts.
 */
public interface HealthMXBean {

  /** {@code UP} or {@code DOWN}. */
  String getStatus();

  /** One line per backend: name, address, status, round-trip time, reason and details. */
  List<String> getBackends();
}
