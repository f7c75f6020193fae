package io.github.corebackend.cache.serial;

/**
 * What a serializer is built for: the values (or keys) of one cache, of one declared type, read back
 * through one class loader and, where the bytes come from outside the JVM, only as the classes an
 * allow-list names.
 *
 * <p>A custom serializer ({@code cache.serializer=com.example.MySerializer}) receives this in a public
 * constructor taking it, or has a public no-argument constructor.
 *
 * @param cacheName the cache, for error messages
 * @param type the declared key or value type of the cache; {@code Object} when it declares none
 * @param classLoader resolves classes named in the bytes
 * @param allowList the classes that may be instantiated from the bytes
 * @param limits how large and deep the bytes may be
 */
public record SerializerContext(String cacheName, Class<?> type, ClassLoader classLoader,
    ClassAllowList allowList, SerializationLimits limits) {}
