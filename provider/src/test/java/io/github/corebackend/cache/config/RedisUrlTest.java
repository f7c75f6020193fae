package io.github.corebackend.cache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisUrlTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://app:s3cret@cache:6379/2         | app  | s3cret     | cache:6379/2",
      "redis://app:pa/ss#w@rd?x:y@cache:6379/2 | app  | pa/ss#w@rd?x:y | cache:6379/2",
      "redis://app:pa%2Fss%40w%3Ard@cache      | app  | pa/ss@w:rd | cache",
      "redis://app:100%@cache                  | app  | 100%       | cache",
      "redis://app:50%25off@cache              | app  | 50%off     | cache",
      "redis://ap%3Ap:pw@cache                 | ap:p | pw         | cache",
      "redis://:only@cache                     |      | only       | cache",
      "redis://only@cache                      |      | only       | cache",
      "redis://app:@cache                      | app  |            | cache",
      "redis://cache:6379                      |      |            | cache:6379",
      "redis://app:p%C3%A4ss@cache             | app  | päss       | cache",
      "redis-sentinel://app:p#w@s1:26379,s2:26379/0#mymaster | app | p#w | s1:26379,s2:26379/0#mymaster"})
  void theCredentialsEndAtTheLastAtAndAreDecoded(String url, String user, String password, String rest) {
    RedisUrl parsed = RedisUrl.listOf(url).get(0);

    assertEquals(user, parsed.user());
    assertEquals(password, parsed.password());
    assertEquals(rest, parsed.rest());
    assertEquals(url.substring(0, url.indexOf(':')) + "://" + rest, parsed.withoutCredentials());
    assertEquals(parsed.toString(), RedisUrl.masked(url));
  }

  @Test
  void aListSplitsOnlyWhereTheNextUrlBegins() {
    List<RedisUrl> urls = RedisUrl.listOf("redis://u:p,w@a:7000, rediss://u:x@b:7001");

    assertEquals(2, urls.size());
    assertEquals("p,w", urls.get(0).password());
    assertEquals("a:7000", urls.get(0).rest());
    assertEquals("rediss", urls.get(1).scheme());
    assertEquals(1, RedisUrl.listOf("redis-cluster://u:p,w@a:7000,b:7001").size());
  }

  @Test
  void maskingHidesEveryUrlsCredentialsAndNeverFails() {
    assertEquals("redis://***@a:1,redis://***@b:2", RedisUrl.masked("redis://u:p/w@a:1,redis://v:q@w@b:2"));
    assertEquals("***@host:6379", RedisUrl.masked("user:secret@host:6379"));
    assertEquals("30s", RedisUrl.masked("30s"));
    assertEquals("redis://user:***", RedisUrl.masked("redis://user:secret"), "the '@host' part forgotten");
    assertEquals("redis://:***", RedisUrl.masked("redis://:s3cr/et?x"));
    assertEquals("redis-cluster://a:7000,b:***", RedisUrl.masked("redis-cluster://a:7000,b:secret"));
    assertEquals("redis-cluster://a:7000,b:7001/0", RedisUrl.masked("redis-cluster://a:7000,b:7001/0"));
    assertEquals("redis://[::1]:6379", RedisUrl.masked("redis://[::1]:6379"));
    assertEquals("redis://***@", RedisUrl.masked("redis://u:p@"));
  }

  @Test
  void aUrlWithoutSchemeIsRefusedWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisUrl.listOf("app:s3cret@cache:6379"));

    assertTrue(e.getMessage().startsWith("not a Redis address"), e.getMessage());
    assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    assertNull(RedisUrl.listOf("redis://cache").get(0).password());
  }
}
