package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("JavaUtilDate") // Date: a mutable Serializable JDK type, what copies must handle
class JdkSerializerTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void roundTripsSerializableObjects() {
    JdkSerializer serializer = JdkSerializer.trusted(loader);
    List<Object> value = new ArrayList<>(List.of("a", 1L, new Date(5)));

    assertEquals(value, serializer.deserialize(serializer.serialize(value)));
  }

  @Test
  void allowListRejectsClassesItDoesNotName() {
    byte[] bytes = JdkSerializer.trusted(loader).serialize(new Date(5));
    JdkSerializer strict = JdkSerializer.withAllowList(loader, ClassAllowList.of("java.lang.*"));

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> strict.deserialize(bytes));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @Test
  void allowListAcceptsTheClassesItNames() {
    byte[] bytes = JdkSerializer.trusted(loader).serialize(new Date(5));
    JdkSerializer allowing = JdkSerializer.withAllowList(loader, ClassAllowList.of("java.util.Date;"));

    assertEquals(new Date(5), allowing.deserialize(bytes));
  }

  @Test
  void corruptBytesGiveAClearError() {
    byte[] bytes = JdkSerializer.trusted(loader).serialize("value");
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> JdkSerializer.trusted(loader).deserialize(truncated));
    assertTrue(e.getMessage().contains("Corrupt"), e.getMessage());
  }

  @Test
  void nonSerializableValuesNameTheirClass() {
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> JdkSerializer.trusted(loader).serialize(new Object()));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void serializableValuesHoldingNonSerializableFieldsNameTheField() {
    List<Object> holder = new ArrayList<>(List.of(new Object()));
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> JdkSerializer.trusted(loader).serialize(holder));
    assertTrue(e.getMessage().contains("non-serializable"), e.getMessage());
  }
}
