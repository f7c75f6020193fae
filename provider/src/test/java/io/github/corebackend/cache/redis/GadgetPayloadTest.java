package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.serial.CacheSerializationException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to Redis plants a payload under a cache's key, hoping the application
 * deserializes it. The cache must refuse the payload before any of its code runs, and lose nothing.
 */
class GadgetPayloadTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  private final String namespace = "gadget-" + UUID.randomUUID();
  private CacheManager manager;

  /** Stands for a gadget class: running any of its code is the attack succeeding. */
  public static final class Detonator implements Serializable {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean DETONATED = new AtomicBoolean();

    private String fuse = "unlit";

    public void setFuse(String fuse) {
      DETONATED.set(true);
      this.fuse = fuse;
    }

    public String getFuse() {
      return fuse;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      DETONATED.set(true);
      in.defaultReadObject();
    }
  }

  @BeforeEach
  void disarm() {
    Detonator.DETONATED.set(false);
  }

  @AfterEach
  void closeManager() {
    if (manager != null) {
      manager.getCacheNames().forEach(manager::destroyCache);
      manager.close();
    }
  }

  @Test
  void aJavaSerializedGadgetIsRejectedWithoutRunningIt() {
    Cache<String, Object> victims = cache("jdk");
    plant("victims", "k", PlantedBytes.javaSerialized(new Detonator()));

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> victims.get("k"));

    assertFalse(Detonator.DETONATED.get(), "the gadget's readObject never ran");
    assertTrue(e.getMessage().contains("Class not allowed: " + Detonator.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("'victims'") && e.getMessage().contains("key k"), e.getMessage());
    assertEquals(":1", SERVER.command("EXISTS", namespace + ":victims:k"), "the bytes are left for inspection");
  }

  @Test
  void aGadgetHiddenInsideAnAllowedCollectionIsRejectedToo() {
    Cache<String, Object> victims = cache("jdk");
    Map<String, Object> wrapper = new HashMap<>();
    wrapper.put("inner", new Detonator());
    plant("victims", "nested", PlantedBytes.javaSerialized(wrapper));

    assertThrows(CacheSerializationException.class, () -> victims.getAll(Set.of("nested")));
    assertFalse(Detonator.DETONATED.get());
  }

  @Test
  @SuppressWarnings("URLEqualsHashCode") // the URLDNS gadget is exactly such a map
  void aUrlThatWouldResolveAHostNameIsRejected() throws IOException {
    Cache<String, Object> victims = cache("jdk");
    Map<URL, String> urlDns = new HashMap<>();
    urlDns.put(new URL("http://attacker.invalid/"), "x");
    plant("victims", "dns", PlantedBytes.javaSerialized(urlDns));

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> victims.get("dns"));

    assertTrue(e.getMessage().contains("java.net.URL"), e.getMessage());
  }

  @Test
  void aJsonGadgetIsRejectedWithoutRunningIt() {
    Cache<String, Object> victims = cache("json");
    plant("victims", "k", ("{\"@class\":\"" + Detonator.class.getName() + "\",\"fuse\":\"lit\"}")
        .getBytes(StandardCharsets.UTF_8));
    plant("victims", "nested", ("[\"java.util.ArrayList\",[{\"@class\":\"" + Detonator.class.getName()
        + "\",\"fuse\":\"lit\"}]]").getBytes(StandardCharsets.UTF_8));

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> victims.get("k"));
    assertThrows(CacheSerializationException.class, () -> victims.get("nested"));

    assertFalse(Detonator.DETONATED.get(), "the gadget's setter never ran");
    assertTrue(e.getMessage().contains("not allowed") && e.getMessage().contains(Detonator.class.getName()),
        e.getMessage());
  }

  private Cache<String, Object> cache(String serializer) {
    manager = RedisTestManagers.create(SERVER.url(), "cache.namespace", namespace, "cache.serializer", serializer);
    return manager.createCache("victims", new MutableConfiguration<>());
  }

  private void plant(String cacheName, String key, byte[] payload) {
    byte[] stored = PlantedBytes.withEternalHeader(payload);
    RedisClient client = RedisClient.create(SERVER.url());
    try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
      connection.sync().set((namespace + ":" + cacheName + ":" + key).getBytes(StandardCharsets.UTF_8), stored);
    } finally {
      client.shutdown();
    }
  }
}
