package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.corebackend.cache.config.CacheSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerializersTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void untypedValuesComeBackEqualAndOfTheSameClass(String name) {
    Serializer serializer = Serializers.forRemoteStore(settings(name, "io.github.corebackend.cache.serial.*"),
        "things", Object.class, loader);

    for (Object value : SampleValues.untypedValues()) {
      Object copy = serializer.deserialize(serializer.serialize(value));
      if (value instanceof long[] array) {
        assertArrayEquals(array, (long[]) copy, name);
      } else {
        assertEquals(value, copy, name + " " + value.getClass().getName());
        assertEquals(value.getClass(), copy.getClass(), name + " " + value);
      }
    }
  }

  private static CacheSettings settings(String serializer, String allowList) {
    Properties properties = new Properties();
    properties.setProperty("cache.serializer", serializer);
    properties.setProperty("cache.serializer.allow-list", allowList);
    return CacheSettings.resolve(properties, new Properties(), Map.of());
  }
}
