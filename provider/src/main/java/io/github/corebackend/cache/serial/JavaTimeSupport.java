package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Registers Jackson's {@code java.time} support. A class of its own, linked only when
 * {@code jackson-datatype-jsr310} is on the classpath, so that {@link JacksonSerializer} works without
 * that module.
 */
final class JavaTimeSupport {

  private JavaTimeSupport() {}

  static void register(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule());
  }
}
