package io.github.corebackend.cache.serial;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Java serialization, resolving classes through a given class loader.
 *
 * <p>Bytes that come from outside the JVM (a shared Redis) must be read with an allow-list
 * ({@link #withAllowList}): deserializing arbitrary classes is how gadget-chain attacks work. The
 * {@link ClassAllowList} becomes an {@link ObjectInputFilter} that rejects every class it does not
 * name before the class is instantiated, so a rejected payload never runs any of its code. The same
 * filter holds the bytes to {@link SerializationLimits}: their depth, their objects, and the lengths
 * their arrays and collections claim, checked before anything is allocated for them.
 *
 * <p>{@link #trusted} bytes are read without either: they are what {@link #serialize} wrote moments
 * before in this JVM (store-by-value copies), so their claims are true by construction and a bound that
 * holds for every genuine stream could never refuse them, while a depth or object limit could refuse a
 * value that copies today; and a filter would cost a call per object on every copy.
 */
public final class JdkSerializer implements Serializer {

  private final ClassLoader classLoader;
  /** Rejects the classes the allow-list does not name; {@code null} when it allows every class. */
  private final @Nullable ObjectInputFilter classes;
  /** {@code null} for trusted bytes. */
  private final @Nullable SerializationLimits limits;

  private JdkSerializer(ClassLoader classLoader, @Nullable ObjectInputFilter classes,
      @Nullable SerializationLimits limits) {
    this.classLoader = classLoader;
    this.classes = classes;
    this.limits = limits;
  }

  /** A serializer for bytes this JVM wrote itself (store-by-value copies); no class filter, no limits. */
  public static JdkSerializer trusted(ClassLoader classLoader) {
    return new JdkSerializer(classLoader, null, null);
  }

  /** A serializer that only reads the classes {@code allowList} allows, within the default limits. */
  public static JdkSerializer withAllowList(ClassLoader classLoader, ClassAllowList allowList) {
    return withAllowList(classLoader, allowList, SerializationLimits.defaults());
  }

  /** A serializer that only reads the classes {@code allowList} allows, within {@code limits}. */
  public static JdkSerializer withAllowList(ClassLoader classLoader, ClassAllowList allowList,
      SerializationLimits limits) {
    return new JdkSerializer(classLoader, allowList.toObjectInputFilter(), limits);
  }

  @Override
  public byte[] serialize(Object value) {
    if (!(value instanceof Serializable)) {
      throw new CacheSerializationException(
          value.getClass().getName() + " does not implement java.io.Serializable");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new CacheSerializationException(
          value.getClass().getName() + " holds a field of a non-serializable type: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CacheSerializationException("Cannot serialize " + value.getClass().getName(), e);
    }
    if (limits != null) {
      limits.checkLength(bytes.size());
    }
    return bytes.toByteArray();
  }

  @Override
  public Object deserialize(byte[] bytes) {
    return deserialize(bytes, 0, bytes.length);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    BoundedStreamFilter filter = null;
    if (limits != null) {
      limits.checkLength(length);
      filter = new BoundedStreamFilter(classes, limits, length);
    }
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes, offset, length),
        classLoader)) {
      if (filter != null) {
        in.setObjectInputFilter(filter);
      }
      return in.readObject();
    } catch (InvalidClassException e) {
      String refusal = filter == null ? null : filter.refusal();
      if (refusal != null) {
        throw new CacheSerializationException(refusal, e);
      }
      throw new CacheSerializationException("Class not allowed or incompatible: " + e.getMessage(), e);
    } catch (ClassNotFoundException e) {
      throw new CacheSerializationException("Class not found: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new CacheSerializationException("Corrupt serialized bytes (" + length + " bytes): " + e, e);
    }
  }

  /** Resolves classes through the cache manager's class loader first. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {

    private final ClassLoader classLoader;

    LoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
      super(in);
      this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, classLoader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
