package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.corebackend.cache.serial.ClassAllowList;
import io.github.corebackend.cache.serial.JdkSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  private final JdkSerializer serializer =
      JdkSerializer.withAllowList(getClass().getClassLoader(), ClassAllowList.of("java.util.*"));

  @Test
  void stringKeysReadAsTheyAre() {
    KeyCodec<String> codec = new KeyCodec<>("tenant1", "users", serializer, String.class);

    byte[] key = codec.encode("123");

    assertEquals("tenant1:users:123", new String(key, StandardCharsets.UTF_8));
    assertEquals("123", codec.decode(key));
  }

  @Test
  void otherKeysAreMarkedSerializedAndComeBack() {
    KeyCodec<Object> codec = new KeyCodec<>("ns", "c", serializer, Object.class);
    UUID id = UUID.randomUUID();

    byte[] key = codec.encode(id);

    assertEquals((byte) 0xFF, key["ns:c:".length()]);
    assertEquals(id, codec.decode(key));
    assertFalse(Arrays.equals(codec.encode("1"), codec.encode(1L)), "a String and a Long never collide");
  }

  @Test
  void separatorsInNamesAreEscapedSoPrefixesNeverCollide() {
    byte[] first = new KeyCodec<>("a:b", "c", serializer, String.class).encode("k");
    byte[] second = new KeyCodec<>("a", "b:c", serializer, String.class).encode("k");

    assertEquals("a\\:b:c:k", new String(first, StandardCharsets.UTF_8));
    assertEquals("a:b\\:c:k", new String(second, StandardCharsets.UTF_8));
  }

  @Test
  void scanPatternsEscapeGlobCharacters() {
    KeyCodec<String> codec = new KeyCodec<>("ns", "we[ir]d*?", serializer, String.class);

    assertArrayEquals("ns:we\\[ir\\]d\\*\\?:*".getBytes(StandardCharsets.UTF_8), codec.pattern());
  }

  @Test
  void unprintableKeysAreShownEscaped() {
    assertEquals("ns:\\xff\\x01", KeyCodec.printable(new byte[] {'n', 's', ':', (byte) 0xFF, 1}));
  }
}
