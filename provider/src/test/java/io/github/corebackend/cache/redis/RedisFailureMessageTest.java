package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.spi.CacheBackendException;
import java.util.Arrays;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A failure's message names the cache, the operation and the address once, and says what went wrong:
 * the lower layers leave the address to the top one.
 */
class RedisFailureMessageTest {

  @AutoClose
  private static final RedisTestServer server = RedisTestServer.startOwn();
  @AutoClose
  private final Closer opened = new Closer();

  @BeforeAll
  static void createUsers() {
    server.command("ACL", "SETUSER", "reader", "on", ">right", "~*", "+@all");
  }

  @Test
  void nobodyListening() {
    int port = RedisTestServer.freePort();
    assertNamesTheAddressOnce(cache("redis://127.0.0.1:" + port), port, "get of key k", "Connection refused");
  }

  @Test
  void aServerThatNeverAnswersTheHandshake() {
    FaultyProxy proxy = proxy();
    proxy.blackhole();
    assertNamesTheAddressOnce(cache(proxy.url()), proxy.port(), "get of key k", "timed out");
  }

  @Test
  void aWrongPassword() {
    // Lettuce closes the connection on a refused AUTH and, racing with that, may report the close
    // rather than the refusal.
    assertNamesTheAddressOnce(cache("redis://reader:wrong@127.0.0.1:" + server.port()), server.port(), "get of key k",
        "WRONGPASS", "Connection closed prematurely");
  }

  @Test
  void aServerThatStopsAnswering() {
    FaultyProxy proxy = proxy();
    Cache<String, String> cache = cache(proxy.url());
    cache.put("k", "v");
    proxy.blackhole();
    assertNamesTheAddressOnce(cache, proxy.port(), "get of key k", "no reply within 2000 ms");
  }

  @Test
  void aConnectionThatIsReset() {
    FaultyProxy proxy = proxy();
    Cache<String, String> cache = cache(proxy.url());
    cache.put("k", "v");
    proxy.reset();
    // Lettuce either has seen the reset (not connected) or meets it while sending the get.
    assertNamesTheAddressOnce(cache, proxy.port(), "get of key k", "not connected", "Connection reset");
  }

  /** The failure of a read names cache, operation and address once, and one of the {@code reasons}. */
  private static void assertNamesTheAddressOnce(Cache<String, String> cache, int port, String operation,
      String... reasons) {
    CacheBackendException e = assertThrows(CacheBackendException.class, () -> cache.get("k"));
    String message = e.getMessage();
    assertTrue(message.startsWith("Cache 'messages': " + operation + " failed against Redis at 127.0.0.1:" + port
        + ": "), message);
    assertTrue(Arrays.stream(reasons).anyMatch(message::contains), message);
    assertEquals(1, message.split(Integer.toString(port), -1).length - 1, message);
  }

  private FaultyProxy proxy() {
    FaultyProxy proxy = FaultyProxy.inFrontOf(server.port());
    opened.add(proxy);
    return proxy;
  }

  private Cache<String, String> cache(String url) {
    CacheManager manager = RedisTestManagers.create(url);
    opened.add(manager);
    return manager.createCache("messages", new MutableConfiguration<>());
  }
}
