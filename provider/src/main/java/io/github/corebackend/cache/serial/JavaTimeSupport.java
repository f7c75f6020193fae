package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Registers Jackson's {@code java.time} support when {@code jackson-datatype-jsr310} is on the
 * classpath. A class of its own, so that {@link JacksonSerializer} links without that module.
 */
final class JavaTimeSupport {

  private static final boolean PRESENT = Serializers.isPresent("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule");

  private JavaTimeSupport() {}

  static boolean isPresent() {
    return PRESENT;
  }

  static void register(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule());
  }
}
