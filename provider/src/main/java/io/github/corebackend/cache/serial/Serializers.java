package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.CacheSettings;

/** Builds the serializer a manager's remote caches use, from its settings. */
public final class Serializers {

  /**
   * JDK value types that are safe to deserialize from a shared store. {@code java.net.URL} is left
   * out on purpose: deserializing one can make the JVM resolve a host name of the attacker's choice.
   */
  public static final String DEFAULT_ALLOW_LIST =
      "java.lang.*;java.util.*;java.math.*;java.time.*;java.time.chrono.*;java.time.zone.*;java.net.URI";

  private Serializers() {}

  /**
   * The serializer for keys and values kept in a store outside the JVM: bytes read back are only
   * turned into classes on the allow-list ({@link #DEFAULT_ALLOW_LIST} plus
   * {@code cache.serializer.allow-list}).
   *
   * @throws IllegalArgumentException for a serializer name this build does not provide
   */
  public static Serializer forRemoteStore(CacheSettings settings, ClassLoader classLoader) {
    if (!settings.serializer().equals("jdk")) {
      throw new IllegalArgumentException("Unknown serializer '" + settings.serializer() + "' in cache.serializer"
          + " (CACHE_SERIALIZER): this build provides jdk");
    }
    String extra = settings.serializerAllowList();
    String allowList = extra.isEmpty() ? DEFAULT_ALLOW_LIST : DEFAULT_ALLOW_LIST + ";" + extra;
    return JdkSerializer.withAllowList(classLoader, allowList);
  }
}
