package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.CacheSettings;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the serializers a cache uses, from its settings ({@code cache.serializer}): {@code jdk} (the
 * default, built in), {@code json} (needs {@code jackson-databind}; {@code jackson-datatype-jsr310}
 * adds {@code java.time}), {@code msgpack} (also needs {@code jackson-dataformat-msgpack}), or the
 * name of a class implementing {@link Serializer}.
 */
public final class Serializers {

  /**
   * Classes that are safe to deserialize from a shared store: JDK value types, arrays of
   * {@code Serializable} (an interface, so never instantiated itself; Hibernate keeps entity state in
   * them), Hibernate's cache keys and entries, and Spring's cached null and several-argument key (a
   * singleton restored by {@code readResolve}, and an array whose elements pass the list themselves).
   * {@code java.net.URL} is left out on purpose: deserializing one can make the JVM resolve a host
   * name of the attacker's choice. Enum types are allowed besides ({@link ClassAllowList#isEnum}).
   */
  public static final String DEFAULT_ALLOW_LIST = "java.lang.*;java.util.*;java.math.*;java.time.*;"
      + "java.time.chrono.*;java.time.zone.*;java.net.URI;java.io.Serializable;org.hibernate.cache.**;"
      + "org.springframework.cache.support.NullValue;org.springframework.cache.interceptor.SimpleKey";

  /** The library the {@code json} and {@code msgpack} serializers need. */
  public static final String JACKSON_ARTIFACT = "com.fasterxml.jackson.core:jackson-databind";

  /** The library the {@code msgpack} serializer needs besides Jackson. */
  public static final String MSGPACK_ARTIFACT = "org.msgpack:jackson-dataformat-msgpack";

  private Serializers() {}

  /**
   * The serializer of one type (keys or values) of a cache whose bytes live outside the JVM: bytes
   * read back only become the classes of {@link #DEFAULT_ALLOW_LIST}, of
   * {@code cache.serializer.allow-list} and the cache's declared {@code type}, and only within the
   * {@link SerializationLimits} the settings configure.
   *
   * @throws IllegalArgumentException when the serializer is unknown or its library is missing
   */
  public static Serializer forRemoteStore(CacheSettings settings, String cacheName, Class<?> type,
      ClassLoader classLoader) {
    ClassAllowList allowList = ClassAllowList.of(DEFAULT_ALLOW_LIST).plus(settings.serializerAllowList())
        .plusClass(type);
    return create(settings.serializer(), new SerializerContext(cacheName, type, classLoader, allowList,
        SerializationLimits.of(settings)));
  }

  /**
   * The serializer of one type of a store-by-value cache that keeps copies in this JVM: the bytes
   * never leave it, so any class may be read back.
   *
   * @throws IllegalArgumentException when the serializer is unknown or its library is missing
   */
  public static Serializer forCopies(CacheSettings settings, String cacheName, Class<?> type,
      ClassLoader classLoader) {
    return create(settings.serializer(),
        new SerializerContext(cacheName, type, classLoader, ClassAllowList.everything(),
            SerializationLimits.of(settings)));
  }

  /**
   * Checks that the serializer {@code name} can be built here, so that a manager fails when it is
   * created rather than at its first cache.
   *
   * @throws IllegalArgumentException naming the missing library or class
   */
  public static void requireAvailable(String name, ClassLoader classLoader) {
    switch (name) {
      case "jdk":
        return;
      case "json":
        requireJackson(name);
        return;
      case "msgpack":
        requireJackson(name);
        requireLibrary(name, "org.msgpack.jackson.dataformat.MessagePackFactory", MSGPACK_ARTIFACT);
        return;
      default:
        customClass(name, classLoader);
    }
  }

  private static Serializer create(String name, SerializerContext context) {
    requireAvailable(name, context.classLoader());
    switch (name) {
      case "jdk":
        return context.allowList().allowsEverything() ? JdkSerializer.trusted(context.classLoader())
            : JdkSerializer.withAllowList(context.classLoader(), context.allowList(), context.limits());
      case "json":
        return JacksonSerializer.json(context);
      case "msgpack":
        return JacksonSerializer.msgpack(context);
      default:
        return instantiate(customClass(name, context.classLoader()), context);
    }
  }

  private static Class<? extends Serializer> customClass(String name, ClassLoader classLoader) {
    Class<?> type;
    try {
      type = Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("serializer class " + name + " is not on the classpath", e);
    }
    if (!Serializer.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("serializer class " + name + " does not implement "
          + Serializer.class.getName());
    }
    return type.asSubclass(Serializer.class);
  }

  private static Serializer instantiate(Class<? extends Serializer> type, SerializerContext context) {
    try {
      try {
        return type.getConstructor(SerializerContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return type.getConstructor().newInstance();
      }
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("serializer class " + type.getName() + " needs a public constructor "
          + "taking a SerializerContext, or a public one without arguments", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("serializer class " + type.getName() + " failed to start: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create serializer " + type.getName() + ": " + e, e);
    }
  }

  private static void requireJackson(String name) {
    requireLibrary(name, "com.fasterxml.jackson.databind.ObjectMapper", JACKSON_ARTIFACT);
  }

  private static void requireLibrary(String name, String className, String artifact) {
    if (!isPresent(className)) {
      throw new IllegalArgumentException("the " + name + " serializer needs " + artifact
          + " on the classpath; add that dependency or use cache.serializer=jdk");
    }
  }

  /** Whether the class is visible to this provider (the loader Jackson support links against). */
  static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Serializers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
