package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.CacheSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Serializers as a remote store builds them, and what the tests measure of them. */
final class SerializerFixtures {

  private SerializerFixtures() {}

  /** The {@code name} serializer of a remote store's values of {@code type}, with more settings as pairs. */
  static Serializer remote(String name, Class<?> type, String... settings) {
    Properties properties = new Properties();
    properties.setProperty("cache.serializer", name);
    for (int i = 0; i < settings.length; i += 2) {
      properties.setProperty(settings[i], settings[i + 1]);
    }
    return Serializers.forRemoteStore(CacheSettings.resolve(properties, new Properties(), Map.of()), "hostile",
        type, SerializerFixtures.class.getClassLoader());
  }

  /** The bytes this thread allocates while running {@code action}. */
  static long allocatedBy(Runnable action) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    action.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  /** A list holding a list holding ... {@code depth} deep. */
  static List<Object> nested(int depth) {
    List<Object> list = new ArrayList<>();
    for (int i = 1; i < depth; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(list);
      list = outer;
    }
    return list;
  }
}
