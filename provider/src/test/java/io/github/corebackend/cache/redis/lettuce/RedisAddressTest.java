package io.github.corebackend.cache.redis.lettuce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

class RedisAddressTest {

  @Test
  void aSingleServerWithUserPasswordAndDatabase() {
    RedisAddress address = RedisAddress.parse("redis://app:s3cret@cache.internal:6380/2");

    assertEquals(RedisAddress.Topology.STANDALONE, address.topology());
    RedisURI uri = address.uris().get(0);
    assertEquals("app", credentials(uri).getUsername());
    assertEquals("s3cret", new String(credentials(uri).getPassword()));
    assertEquals(2, uri.getDatabase());
    assertEquals("cache.internal:6380/2", address.toString());
  }

  @Test
  void tlsIsTheRedissScheme() {
    assertTrue(RedisAddress.parse("rediss://cache.internal:6380").uris().get(0).isSsl());
  }

  @Test
  void sentinelNamesItsSentinelsAndMaster() {
    RedisAddress address = RedisAddress.parse("redis-sentinel://s1:26379,s2:26379/0#mymaster");

    assertEquals(RedisAddress.Topology.SENTINEL, address.topology());
    assertEquals("sentinel s1:26379,s2:26379 master mymaster", address.toString());
  }

  @Test
  void clustersAreGivenAsSeedLists() {
    RedisAddress named = RedisAddress.parse("redis-cluster://user:pw@n1:7000,n2:7001,n3:7002");
    RedisAddress listed = RedisAddress.parse("redis://n1:7000, redis://n2:7001");

    assertEquals(RedisAddress.Topology.CLUSTER, named.topology());
    assertEquals(3, named.uris().size());
    assertEquals("pw", new String(credentials(named.uris().get(2)).getPassword()));
    assertEquals("n1:7000,n2:7001,n3:7002", named.toString());
    assertEquals(RedisAddress.Topology.CLUSTER, listed.topology());
    assertTrue(RedisAddress.parse("rediss-cluster://n1:7000").uris().get(0).isSsl());
  }

  @Test
  void otherSchemesAreRejectedWithoutEchoingThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisAddress.parse("http://user:topsecret@host:6379"));

    assertTrue(e.getMessage().contains("redis://"), e.getMessage());
    assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
  }

  private static RedisCredentials credentials(RedisURI uri) {
    return uri.getCredentialsProvider().resolveCredentials().block();
  }
}
