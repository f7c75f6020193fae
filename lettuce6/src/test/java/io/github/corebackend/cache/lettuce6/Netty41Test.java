package io.github.corebackend.cache.lettuce6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.netty.util.Version;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The provider's Redis and near tests beside this one run on Lettuce 6.6 and only Netty 4.1, as this
 * module's pins mean; should anything bring Netty 4.2 or Lettuce 7 in, this fails, rather than those
 * tests passing on another pair.
 */
class Netty41Test {

  @Test
  void lettuce66OnNetty41Only() {
    String lettuce = RedisClient.class.getPackage().getImplementationVersion();
    assertTrue(lettuce.startsWith("6.6."), lettuce);

    Map<String, String> netty = new TreeMap<>();
    Version.identify().forEach((artifact, version) -> netty.put(artifact, version.artifactVersion()));
    assertFalse(netty.isEmpty());
    netty.forEach((artifact, version) -> assertTrue(version.startsWith("4.1."), netty.toString()));
    assertEquals(1, netty.values().stream().distinct().count(), netty.toString());
  }
}
