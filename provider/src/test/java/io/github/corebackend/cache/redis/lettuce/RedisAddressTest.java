package io.github.corebackend.cache.redis.lettuce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisAddressTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void aSingleServerWithUserPasswordAndDatabase() {
    RedisAddress address = RedisAddress.parse("redis://app:s3cret@cache.internal:6380/2", TIMEOUT);

    assertEquals(RedisAddress.Topology.STANDALONE, address.topology());
    RedisURI uri = address.uris().get(0);
    assertEquals("app", credentials(uri).getUsername());
    assertEquals("s3cret", new String(credentials(uri).getPassword()));
    assertEquals(2, uri.getDatabase());
    assertEquals("cache.internal:6380/2", address.toString());
  }

  @Test
  void tlsIsTheRedissScheme() {
    assertTrue(RedisAddress.parse("rediss://cache.internal:6380", TIMEOUT).uris().get(0).isSsl());
  }

  @Test
  void sentinelNamesItsSentinelsAndMaster() {
    RedisAddress address = RedisAddress.parse("redis-sentinel://s1:26379,s2:26379/0#mymaster", TIMEOUT);

    assertEquals(RedisAddress.Topology.SENTINEL, address.topology());
    assertEquals("sentinel s1:26379,s2:26379 master mymaster", address.toString());
  }

  @Test
  void clustersAreGivenAsSeedLists() {
    RedisAddress named = RedisAddress.parse("redis-cluster://user:pw@n1:7000,n2:7001,n3:7002", TIMEOUT);
    RedisAddress listed = RedisAddress.parse("redis://n1:7000, redis://n2:7001", TIMEOUT);

    assertEquals(RedisAddress.Topology.CLUSTER, named.topology());
    assertEquals(3, named.uris().size());
    assertEquals("pw", new String(credentials(named.uris().get(2)).getPassword()));
    assertEquals("n1:7000,n2:7001,n3:7002", named.toString());
    assertEquals(RedisAddress.Topology.CLUSTER, listed.topology());
    assertTrue(RedisAddress.parse("rediss-cluster://n1:7000", TIMEOUT).uris().get(0).isSsl());
  }

  @Test
  void otherSchemesAreRejectedWithoutEchoingThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisAddress.parse("http://user:topsecret@host:6379", TIMEOUT));

    assertTrue(e.getMessage().contains("redis://"), e.getMessage());
    assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
  }

  @Test
  void everyServerAndSentinelHandshakesWithinTheConnectTimeoutNotLettucesMinute() {
    Duration timeout = Duration.ofMillis(700);
    List<RedisURI> uris = new ArrayList<>();
    uris.addAll(RedisAddress.parse("rediss://h:6380", timeout).uris());
    uris.addAll(RedisAddress.parse("redis-cluster://n1:7000,n2:7001", timeout).uris());
    RedisURI sentinel = RedisAddress.parse("redis-sentinel://s1:26379,s2:26379/0#mymaster", timeout).uris().get(0);
    uris.add(sentinel);
    uris.addAll(sentinel.getSentinels());

    assertEquals(6, uris.size());
    for (RedisURI uri : uris) {
      assertEquals(timeout, uri.getTimeout(), uri.toString());
    }
  }

  @Test
  void passwordsWithEveryUrlCharacterAuthenticateInEveryForm() {
    String password = "p/a#s@s:w%o?r,d";
    String written = "p%2Fa%23s%40s%3Aw%25o%3Fr%2Cd";
    for (String secret : List.of(password, written)) {
      List<RedisAddress> addresses = List.of(RedisAddress.parse("redis://app:" + secret + "@h:6380/2", TIMEOUT),
          RedisAddress.parse("rediss://app:" + secret + "@h:6380", TIMEOUT),
          RedisAddress.parse("redis-sentinel://app:" + secret + "@s1:26379,s2:26379/0#mymaster", TIMEOUT),
          RedisAddress.parse("redis-cluster://app:" + secret + "@n1:7000,n2:7001", TIMEOUT),
          RedisAddress.parse("redis://app:" + secret + "@n1:7000,redis://app:" + secret + "@n2:7001", TIMEOUT));
      for (RedisAddress address : addresses) {
        for (RedisURI uri : address.uris()) {
          assertEquals("app", credentials(uri).getUsername(), address.toString());
          assertEquals(password, new String(credentials(uri).getPassword()), address.toString());
        }
        assertFalse(address.toString().contains("a#s"), address.toString());
        assertFalse(address.toString().contains("app"), address.toString());
      }
      assertEquals("h:6380/2", addresses.get(0).toString());
      assertEquals("sentinel s1:26379,s2:26379 master mymaster", addresses.get(2).toString());
      assertEquals("n1:7000,n2:7001", addresses.get(3).toString());
      assertEquals(RedisAddress.Topology.CLUSTER, addresses.get(4).topology());
    }
  }

  @Test
  void aServerListUnderOneRedisSchemeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisAddress.parse("redis://u:topsecret@n1:7000,n2:7001", TIMEOUT));

    assertTrue(e.getMessage().contains("redis-cluster://"), e.getMessage());
    assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
  }

  private static RedisCredentials credentials(RedisURI uri) {
    return uri.getCredentialsProvider().resolveCredentials().block();
  }
}
