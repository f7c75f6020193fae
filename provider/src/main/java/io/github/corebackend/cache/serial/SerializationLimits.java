package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.ByteSizes;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.config.Setting;

/**
 * How large and how deep the bytes of one key or value may be, so that bytes from a shared store
 * cannot make a reader overflow its stack or allocate what the bytes do not hold. Reading bytes that
 * pass the limits costs memory in proportion to their length.
 *
 * @param maxDepth how deeply objects, arrays and collections may nest ({@code cache.serializer.max-depth})
 * @param maxArrayLength the most elements one array, collection or map may claim
 *     ({@code cache.serializer.max-array-length}); every claim is also held to the length of the bytes
 * @param maxReferences the most objects one value read by the {@code jdk} serializer may hold
 *     ({@code cache.serializer.max-references})
 * @param maxBytes the longest serialized key or value, written or read ({@code cache.serializer.max-bytes})
 */
public record SerializationLimits(int maxDepth, int maxArrayLength, int maxReferences, int maxBytes) {

  private static final SerializationLimits DEFAULTS = new SerializationLimits(
      defaultOf(Setting.SERIALIZER_MAX_DEPTH), defaultOf(Setting.SERIALIZER_MAX_ARRAY_LENGTH),
      defaultOf(Setting.SERIALIZER_MAX_REFERENCES),
      Math.toIntExact(ByteSizes.parse(Setting.SERIALIZER_MAX_BYTES.defaultValue())));

  /** The limits that apply when no setting changes them. */
  public static SerializationLimits defaults() {
    return DEFAULTS;
  }

  /** The limits {@code settings} configure. */
  public static SerializationLimits of(CacheSettings settings) {
    return new SerializationLimits(settings.serializerMaxDepth(), settings.serializerMaxArrayLength(),
        settings.serializerMaxReferences(), settings.serializerMaxBytes());
  }

  /**
   * Checks the length of serialized bytes.
   *
   * @throws CacheSerializationException naming the setting when {@code length} exceeds {@link #maxBytes}
   */
  void checkLength(int length) {
    if (length > maxBytes) {
      throw new CacheSerializationException(length + " bytes, more than " + Setting.SERIALIZER_MAX_BYTES.key()
          + "=" + maxBytes);
    }
  }

  private static int defaultOf(Setting setting) {
    return Integer.parseInt(setting.defaultValue());
  }
}
