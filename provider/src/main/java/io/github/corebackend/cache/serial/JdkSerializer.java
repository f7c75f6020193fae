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
 * name before the class is instantiated, so a rejected payload never runs any of its code.
 */
public final class JdkSerializer implements Serializer {

  private final ClassLoader classLoader;
  /** Rejects the classes the allow-list does not name; {@code null} for trusted bytes. */
  private final @Nullable ObjectInputFilter filter;

  private JdkSerializer(ClassLoader classLoader, @Nullable ObjectInputFilter filter) {
    this.classLoader = classLoader;
    this.filter = filter;
  }

  /** A serializer for bytes this JVM wrote itself (store-by-value copies); no class filter. */
  public static JdkSerializer trusted(ClassLoader classLoader) {
    return new JdkSerializer(classLoader, null);
  }

  /** A serializer that only reads the classes {@code allowList} allows. */
  public static JdkSerializer withAllowList(ClassLoader classLoader, ClassAllowList allowList) {
    return new JdkSerializer(classLoader, allowList.toObjectInputFilter());
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
    return bytes.toByteArray();
  }

  @Override
  public Object deserialize(byte[] bytes) {
    return deserialize(bytes, 0, bytes.length);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    Class<?>[] rejected = new Class<?>[1];
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes, offset, length),
        classLoader)) {
      if (filter != null) {
        in.setObjectInputFilter(info -> {
          ObjectInputFilter.Status status = filter.checkInput(info);
          if (status == ObjectInputFilter.Status.REJECTED) {
            rejected[0] = info.serialClass();
          }
          return status;
        });
      }
      return in.readObject();
    } catch (InvalidClassException e) {
      if (rejected[0] != null) {
        throw new CacheSerializationException("Class not allowed: " + rejected[0].getName()
            + " (add it to cache.serializer.allow-list if it is trusted)", e);
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
