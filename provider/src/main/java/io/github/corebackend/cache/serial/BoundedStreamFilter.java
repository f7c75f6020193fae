package io.github.corebackend.cache.serial;

import io.github.corebackend.cache.config.Setting;
import java.io.ObjectInputFilter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ObjectInputFilter} of one Java deserialization of bytes from a remote store: the class
 * allow-list, and {@link SerializationLimits} that stop hostile bytes before they cost more than their
 * length. {@link java.io.ObjectInputStream} asks it before it allocates an array or a collection's table,
 * which is where a claimed length turns into memory.
 *
 * <p>The array bound: every element a genuine stream holds takes stream bytes of its own (a primitive
 * array's exactly its size; any other element at least the one byte of its type code, counted once,
 * for the innermost array or collection that reads it). So the bytes the claims imply, added up over the
 * stream, never exceed its length. A hash table claims slots rather than elements: at most 8 per
 * element (the JDK clamps a load factor to 0.25 or more and rounds up to a power of two) and at least
 * 16, so it implies one byte per 8 slots beyond 16. Altogether, what a stream within the bound can make
 * the reader reserve is a small multiple of its length, however it nests.
 *
 * <p>Not thread-safe: one instance per stream.
 */
final class BoundedStreamFilter implements ObjectInputFilter {

  private final @Nullable ObjectInputFilter classes;
  private final SerializationLimits limits;
  private final int length;
  /** Stream bytes the array and collection claims so far imply; never more than {@link #length}. */
  private long implied;
  private @Nullable String refusal;

  /**
   * @param classes the allow-list's filter; {@code null} when every class is allowed
   * @param length the length of the stream
   */
  BoundedStreamFilter(@Nullable ObjectInputFilter classes, SerializationLimits limits, int length) {
    this.classes = classes;
    this.limits = limits;
    this.length = length;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    if (info.depth() > limits.maxDepth()) {
      return refuse("objects nested deeper than " + Setting.SERIALIZER_MAX_DEPTH.key() + "=" + limits.maxDepth());
    }
    if (info.references() > limits.maxReferences()) {
      return refuse("more than " + Setting.SERIALIZER_MAX_REFERENCES.key() + "=" + limits.maxReferences()
          + " objects");
    }
    Class<?> type = info.serialClass();
    if (type != null && info.arrayLength() >= 0) {
      Status claim = checkClaim(type, info.arrayLength());
      if (claim == Status.REJECTED) {
        return claim;
      }
    }
    if (classes == null || type == null) {
      return Status.UNDECIDED;
    }
    if (ClassAllowList.isEnum(type)) {
      return Status.ALLOWED;
    }
    Status status = classes.checkInput(info);
    if (status == Status.REJECTED && refusal == null) {
      refusal = "Class not allowed: " + type.getName() + " (add it to " + Setting.SERIALIZER_ALLOW_LIST.key()
          + " if it is trusted)";
    }
    return status;
  }

  /** Why the stream was rejected, as the message of its failure; {@code null} if it was not. */
  @Nullable String refusal() {
    return refusal;
  }

  private Status checkClaim(Class<?> arrayType, long elements) {
    if (elements > limits.maxArrayLength()) {
      return refuse("an array or collection of " + elements + " elements, more than "
          + Setting.SERIALIZER_MAX_ARRAY_LENGTH.key() + "=" + limits.maxArrayLength());
    }
    implied += impliedBytes(arrayType, elements);
    if (implied > length) {
      return refuse("an array or collection of " + elements + " elements, more than the " + length
          + " bytes can hold");
    }
    return Status.UNDECIDED;
  }

  private static long impliedBytes(Class<?> arrayType, long elements) {
    Class<?> component = arrayType.getComponentType();
    if (component == null) {
      return elements;
    }
    if (component.isPrimitive()) {
      return elements * sizeOf(component);
    }
    return component == Map.Entry.class ? Math.max(0, elements - 16) / 8 : elements;
  }

  private static int sizeOf(Class<?> primitive) {
    if (primitive == long.class || primitive == double.class) {
      return 8;
    }
    if (primitive == int.class || primitive == float.class) {
      return 4;
    }
    return primitive == char.class || primitive == short.class ? 2 : 1;
  }

  private Status refuse(String reason) {
    if (refusal == null) {
      refusal = "Refused " + length + " serialized bytes: " + reason;
    }
    return Status.REJECTED;
  }
}
